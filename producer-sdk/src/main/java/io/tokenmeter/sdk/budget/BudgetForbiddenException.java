package io.tokenmeter.sdk.budget;

/**
 * 403: the token is a tenant token for another tenant; use that tenant's token or an admin token.
 */
public final class BudgetForbiddenException extends BudgetApiException {
  private static final long serialVersionUID = 1L;

  public BudgetForbiddenException(String message, int httpStatus, Throwable cause) {
    super(message, httpStatus, cause);
  }
}
