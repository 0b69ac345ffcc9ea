package io.tokenmeter.processor.topology;

/**
 * Names of state stores and processor nodes. They name changelog topics, so changing one loses the
 * state of running applications: treat them like topic names.
 */
public final class StoreNames {
  /** Open and recently closed windows of priced usage, keyed by {@code AggregateKey}. */
  public static final String AGGREGATE_WINDOWS = "aggregate-windows";

  /** Processor node names, kept stable for readable topology descriptions and metrics. */
  public static final String USAGE_SOURCE = "usage-source";

  public static final String USAGE_DECODE = "usage-decode";
  public static final String USAGE_SPLIT = "usage-";
  public static final String DEAD_LETTER_SINK = "dead-letter-sink";
  public static final String PRICED_SOURCE = "priced-source";
  public static final String AGGREGATE_PROCESSOR = "aggregate-windows-processor";
  public static final String AGGREGATE_SINK = "aggregate-sink";

  private StoreNames() {}
}
