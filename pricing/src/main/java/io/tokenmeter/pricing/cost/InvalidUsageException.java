package io.tokenmeter.pricing.cost;

/** Token counts that break the TokenUsage subset rules; such an event is invalid, not unpriced. */
public final class InvalidUsageException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidUsageException(String message) {
    super(message);
  }
}
