package io.tokenmeter.sdk.budget;

/** Where a budget stands for its current period, as the stream processor last computed it. */
public enum BudgetStatus {
  /** Spend is below the lowest warning threshold. */
  OK,
  /** A warning threshold (e.g. 50 % or 80 %) was crossed; the limit was not reached. */
  WARNING,
  /** Spend reached the limit. A hard budget means: do not make the call. */
  EXCEEDED,
  /** The budget exists but no matching usage was counted since it was defined: nothing spent. */
  NO_SPEND_YET,
  /**
   * The spend API could not answer (unreachable, timed out, restoring, unreadable answer); {@link
   * BudgetCheck#allowsCall()} then follows the client's {@link UnavailablePolicy}.
   */
  UNAVAILABLE
}
