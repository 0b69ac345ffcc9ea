package io.tokenmeter.sink.row;

/** A record that could not be converted now but may convert later (e.g. registry down). */
public final class RetriableRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RetriableRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
