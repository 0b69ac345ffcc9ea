package io.tokenmeter.sink.row;

/** A decoded record that cannot become a row (a value that does not fit its column). */
public final class RowMappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RowMappingException(String message) {
    super(message);
  }

  public RowMappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
