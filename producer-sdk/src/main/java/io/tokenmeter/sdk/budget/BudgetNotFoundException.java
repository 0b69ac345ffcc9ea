package io.tokenmeter.sdk.budget;

/** 404: no budget with this id (or no such route: check the base URL). */
public final class BudgetNotFoundException extends BudgetApiException {
  private static final long serialVersionUID = 1L;

  public BudgetNotFoundException(String message, int httpStatus, Throwable cause) {
    super(message, httpStatus, cause);
  }
}
