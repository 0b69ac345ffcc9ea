package io.tokenmeter.processor.topology;

import java.util.List;

/**
 * Default topic names, shared by the topology, its settings and the tests, so a rename happens in
 * one place. The {@code .v1} suffix follows the schema namespace: a breaking schema change gets new
 * topics rather than a mixed one.
 */
public final class Topics {
  public static final String USAGE = "tokenmeter.usage.v1";
  public static final String PRICED_USAGE = "tokenmeter.priced-usage.v1";
  public static final String UNPRICED_USAGE = "tokenmeter.unpriced-usage.v1";
  public static final String PRICES = "tokenmeter.prices.v1";
  public static final String BUDGETS = "tokenmeter.budgets.v1";
  public static final String AGGREGATES = "tokenmeter.aggregates.v1";
  public static final String BUDGET_ALERTS = "tokenmeter.budget-alerts.v1";
  public static final String BUDGET_STATE = "tokenmeter.budget-state.v1";
  public static final String DEAD_LETTERS = "tokenmeter.dead-letters.v1";

  private Topics() {}

  /**
   * Every default topic; all must exist before the processor starts (global stores need theirs).
   */
  public static List<String> all() {
    return List.of(
        USAGE,
        PRICED_USAGE,
        UNPRICED_USAGE,
        PRICES,
        BUDGETS,
        AGGREGATES,
        BUDGET_ALERTS,
        BUDGET_STATE,
        DEAD_LETTERS);
  }
}
