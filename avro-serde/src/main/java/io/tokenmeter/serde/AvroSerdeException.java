package io.tokenmeter.serde;

import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;

/** A serde failure whose {@link #failure()} says why, for routing dead letters by reason. */
public class AvroSerdeException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final SerdeFailure failure;

  public AvroSerdeException(SerdeFailure failure, String message) {
    this(failure, message, null);
  }

  public AvroSerdeException(SerdeFailure failure, String message, Throwable cause) {
    super(failure + ": " + message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  public SerdeFailure failure() {
    return failure;
  }
}
