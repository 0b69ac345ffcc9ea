package io.tokenmeter.processor.deadletter;

import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.deadletter.DeadLetters.Origin;
import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.serde.AvroSerdeException;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes raw usage bytes inside the topology, where a failure can become a dead letter with the
 * original bytes and offset; a deserializer on the source would only be able to skip or crash.
 * Valid events are forwarded with their event time as the record timestamp.
 */
public final class UsageDecoder implements FixedKeyProcessor<byte[], byte[], DecodedUsage> {
  private static final Logger LOGGER = LoggerFactory.getLogger(UsageDecoder.class);

  private final Deserializer<UsageEvent> deserializer;
  private final Clock clock;
  private FixedKeyProcessorContext<byte[], DecodedUsage> context;
  private Sensor deadLetterSensor;

  public UsageDecoder(Deserializer<UsageEvent> deserializer, Clock clock) {
    this.deserializer = deserializer;
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], DecodedUsage> context) {
    this.context = context;
    this.deadLetterSensor = ProcessorMetrics.sensor(context, ProcessorMetrics.DEAD_LETTERS);
  }

  @Override
  public void process(FixedKeyRecord<byte[], byte[]> record) {
    Origin origin = origin(record);
    UsageEvent event;
    try {
      event = deserializer.deserialize(origin.topic(), record.value());
    } catch (AvroSerdeException e) {
      if (!DeadLetters.isPoison(e.failure())) {
        throw e; // a registry outage: fail the task so it retries, never dead-letter good data
      }
      reject(record, origin, DeadLetters.reasonFor(e.failure()), e.getMessage(), e, stage(true));
      return;
    } catch (RuntimeException e) {
      reject(record, origin, DeadLetterReason.UNDECODABLE, e.toString(), e, stage(true));
      return;
    }
    if (event == null) {
      String why = "null value (tombstone) on the usage topic; usage events are never deleted";
      reject(record, origin, DeadLetterReason.INVALID_EVENT, why, null, stage(false));
      return;
    }
    List<String> violations = UsageValidator.violations(event);
    if (!violations.isEmpty()) {
      String why = String.join("; ", violations);
      reject(record, origin, DeadLetterReason.INVALID_EVENT, why, null, stage(false));
      return;
    }
    long eventTime = event.getEventTime().toEpochMilli();
    DecodedUsage valid = new DecodedUsage.Valid(event, origin, record.key(), record.value());
    context.forward(record.withValue(valid).withTimestamp(eventTime));
  }

  private static String stage(boolean deserializing) {
    return deserializing ? DeadLetters.STAGE_DESERIALIZE : DeadLetters.STAGE_VALIDATE;
  }

  private void reject(
      FixedKeyRecord<byte[], byte[]> record,
      Origin origin,
      DeadLetterReason reason,
      String message,
      Throwable cause,
      String stage) {
    DeadLetter deadLetter =
        DeadLetters.of(
            origin, record.key(), record.value(), reason, message, stage, cause, clock.instant());
    deadLetterSensor.record();
    LOGGER.debug(
        "Dead-lettering {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), reason);
    context.forward(record.withValue(new DecodedUsage.Rejected(deadLetter)));
  }

  private Origin origin(FixedKeyRecord<byte[], byte[]> record) {
    RecordMetadata metadata = context.recordMetadata().orElse(null);
    if (metadata == null) {
      return new Origin("unknown", -1, -1L, record.timestamp());
    }
    return new Origin(
        metadata.topic(), metadata.partition(), metadata.offset(), record.timestamp());
  }
}
