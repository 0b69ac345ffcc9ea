package io.tokenmeter.cli.price;

/** An input document that cannot be priced as it is (not JSON, a missing or mistyped field). */
final class BadDocumentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadDocumentException(String message) {
    super(message);
  }

  BadDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
