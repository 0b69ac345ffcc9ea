package io.tokenmeter.sdk.budget;

/**
 * The spend API did not answer in time, was unreachable, answered 5xx (e.g. 503 while its state is
 * restoring) or sent an unreadable body.
 */
public final class BudgetServiceUnavailableException extends BudgetApiException {
  private static final long serialVersionUID = 1L;

  public BudgetServiceUnavailableException(String message, int httpStatus, Throwable cause) {
    super(message, httpStatus, cause);
  }
}
