package io.tokenmeter.sink.writer;

/**
 * A row the driver cannot encode for its table (a value of the wrong type for a column): a data
 * problem that no retry fixes, so the row is dead-lettered.
 */
public final class RowEncodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RowEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
