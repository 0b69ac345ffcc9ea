package io.tokenmeter.sdk.budget;

/**
 * The spend API refused or could not answer a request. Subclasses say why; {@link #httpStatus()} is
 * the answer's status, or 0 when there was no answer.
 */
public class BudgetApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  public BudgetApiException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
