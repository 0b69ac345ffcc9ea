package io.tokenmeter.processor.deadletter;

import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.serde.SerdeFailure;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds {@link DeadLetter} records and maps serde failures to dead-letter reasons. */
public final class DeadLetters {
  public static final String STAGE_DESERIALIZE = "stream-processor/deserialize";
  public static final String STAGE_VALIDATE = "stream-processor/validate";

  private DeadLetters() {}

  /** Where a raw record came from, so a dead letter points back to it. */
  public record Origin(String topic, int partition, long offset, Long timestamp) {}

  /**
   * The dead-letter reason for a serde failure. Registry outages are NOT mapped: they are not a
   * property of the record, so the caller retries instead of dead-lettering good data.
   */
  public static DeadLetterReason reasonFor(SerdeFailure failure) {
    return switch (failure) {
      case BAD_MAGIC_BYTE -> DeadLetterReason.BAD_MAGIC_BYTE;
      case UNKNOWN_SCHEMA_ID -> DeadLetterReason.UNKNOWN_SCHEMA_ID;
      case TRUNCATED -> DeadLetterReason.TRUNCATED;
      case INCOMPATIBLE_SCHEMA -> DeadLetterReason.INCOMPATIBLE_SCHEMA;
      case MALFORMED_AVRO, UNSUPPORTED_TYPE, SCHEMA_NOT_REGISTERED -> DeadLetterReason.UNDECODABLE;
      case REGISTRY_UNAVAILABLE, REGISTRY_ERROR ->
          throw new IllegalArgumentException(failure + " is transient; retry, do not dead-letter");
    };
  }

  /** Whether a failure says something about the record itself (else: retry). */
  public static boolean isPoison(SerdeFailure failure) {
    return failure != SerdeFailure.REGISTRY_UNAVAILABLE && failure != SerdeFailure.REGISTRY_ERROR;
  }

  public static DeadLetter of(
      Origin origin,
      byte[] key,
      byte[] value,
      DeadLetterReason reason,
      String message,
      String stage,
      Throwable cause,
      Instant failedAt) {
    return DeadLetter.newBuilder()
        .setOriginalTopic(origin.topic())
        .setOriginalPartition(origin.partition())
        .setOriginalOffset(origin.offset())
        .setOriginalTimestamp(
            origin.timestamp() == null ? null : Instant.ofEpochMilli(origin.timestamp()))
        .setKey(key == null ? null : ByteBuffer.wrap(key.clone()))
        .setValue(value == null ? null : ByteBuffer.wrap(value.clone()))
        .setReason(reason)
        .setReasonMessage(message)
        .setStage(stage)
        .setExceptionClass(cause == null ? null : cause.getClass().getName())
        .setFailedAt(failedAt)
        .build();
  }
}
