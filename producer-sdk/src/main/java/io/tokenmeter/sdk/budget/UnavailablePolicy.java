package io.tokenmeter.sdk.budget;

/**
 * What {@link BudgetClient#checkBudget} does when the spend API cannot answer. Authentication,
 * permission and unknown-budget errors are mistakes in configuration and always throw.
 */
public enum UnavailablePolicy {
  /**
   * Return {@link BudgetStatus#UNAVAILABLE} with {@link BudgetCheck#allowsCall()} true: an outage
   * of the metering pipeline never stops the product (spend may overshoot a hard limit meanwhile).
   */
  FAIL_OPEN,
  /**
   * Return {@link BudgetStatus#UNAVAILABLE} with {@link BudgetCheck#allowsCall()} false: no call
   * without a confirmed budget (an outage of the pipeline stops LLM calls).
   */
  FAIL_CLOSED,
  /** Throw {@link BudgetServiceUnavailableException} and let the caller decide. */
  THROW
}
