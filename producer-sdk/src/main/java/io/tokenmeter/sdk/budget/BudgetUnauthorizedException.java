package io.tokenmeter.sdk.budget;

/**
 * 401: the bearer token is missing or unknown to the processor (check the token and the processor's
 * api tokens configuration).
 */
public final class BudgetUnauthorizedException extends BudgetApiException {
  private static final long serialVersionUID = 1L;

  public BudgetUnauthorizedException(String message, int httpStatus, Throwable cause) {
    super(message, httpStatus, cause);
  }
}
