package io.tokenmeter.processor.topology;

/**
 * Names of state stores and processor nodes. They name changelog topics, so changing one loses the
 * state of running applications: treat them like topic names.
 */
public final class StoreNames {
  /** Open and recently closed windows of priced usage, keyed by {@code AggregateKey}. */
  public static final String AGGREGATE_WINDOWS = "aggregate-windows";

  /** Current and previous UTC month totals for the spend API (see {@code MonthSpendProcessor}). */
  public static final String MONTH_SPEND = "month-spend";

  /** Unpriced events waiting for a matching price, keyed by event id. */
  public static final String UNPRICED_PARKING = "unpriced-parking";

  /**
   * Usage events already seen, keyed by tenant and event id (a window store: entries leave after
   * {@code tokenmeter.dedup.retention}).
   */
  public static final String USAGE_DEDUP = "usage-dedup";

  /** Global store of the compacted prices topic, keyed by price version id. */
  public static final String PRICES = "prices-global";

  /** Global store of the compacted budgets topic, keyed by budget id. */
  public static final String BUDGETS = "budgets-global";

  /** Current period spend of each budget, keyed by budget id. */
  public static final String BUDGET_SPEND = "budget-spend";

  /** Period start (epoch ms) of the last forecast alert of each budget, keyed by budget id. */
  public static final String BUDGET_FORECASTS = "budget-forecasts";

  /** Processor node names, kept stable for readable topology descriptions and metrics. */
  public static final String USAGE_SOURCE = "usage-source";

  public static final String USAGE_DECODE = "usage-decode";
  public static final String USAGE_DEDUP_FILTER = "usage-dedup-filter";
  public static final String USAGE_SPLIT = "usage-";
  public static final String DEAD_LETTER_SINK = "dead-letter-sink";
  public static final String PRICES_SOURCE = "prices-source";
  public static final String PRICES_LOADER = "prices-loader";
  public static final String PRICING = "pricing";
  public static final String ENRICHED_SPLIT = "enriched-";
  public static final String PRICED_SINK = "priced-sink";
  public static final String UNPRICED_SINK = "unpriced-sink";
  public static final String PRICED_SOURCE = "priced-source";
  public static final String AGGREGATE_PROCESSOR = "aggregate-windows-processor";
  public static final String AGGREGATE_SINK = "aggregate-sink";
  public static final String MONTH_PROCESSOR = "month-spend-processor";
  public static final String BUDGETS_SOURCE = "budgets-source";
  public static final String BUDGET_PROCESSOR = "budget-tracker";
  public static final String BUDGET_SPLIT = "budget-";
  public static final String BUDGET_ALERT_SINK = "budget-alert-sink";
  public static final String BUDGET_STATE_SINK = "budget-state-sink";

  private StoreNames() {}
}
