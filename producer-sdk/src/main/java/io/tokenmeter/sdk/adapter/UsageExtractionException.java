package io.tokenmeter.sdk.adapter;

/**
 * A provider response whose usage is present but malformed (a negative or fractional count, a
 * string where a number belongs). Missing usage is not an error: it yields an incomplete extraction
 * instead.
 */
public class UsageExtractionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageExtractionException(String message) {
    super(message);
  }

  public UsageExtractionException(String message, Throwable cause) {
    super(message, cause);
  }
}
