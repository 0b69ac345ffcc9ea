package io.tokenmeter.devregistry;

/**
 * A request the registry refuses, carrying the HTTP status and the Confluent {@code error_code}
 * that the error body must contain. Thrown by the store and the routes, turned into a response in
 * one place ({@link RegistryHttpHandler}).
 */
final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;

  RegistryException(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  int httpStatus() {
    return httpStatus;
  }

  int errorCode() {
    return errorCode;
  }
}
