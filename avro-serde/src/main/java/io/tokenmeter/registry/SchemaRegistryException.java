package io.tokenmeter.registry;

/**
 * A schema registry call failed. Carries the HTTP status and the registry's {@code error_code} so
 * callers can refine the outcome; both are {@link #NO_STATUS} when the failure happened before any
 * response (network error, unparsable response).
 *
 * <p>Unchecked on purpose: the client is used inside Kafka serializers, which cannot throw checked
 * exceptions.
 */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Marker for "no HTTP status / no error code available". */
  public static final int NO_STATUS = -1;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(String message, int httpStatus, int errorCode) {
    this(message, httpStatus, errorCode, null);
  }

  public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the response, or {@link #NO_STATUS}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code} (falls back to the HTTP status), or {@link #NO_STATUS}. */
  public int errorCode() {
    return errorCode;
  }
}
