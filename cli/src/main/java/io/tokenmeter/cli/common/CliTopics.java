package io.tokenmeter.cli.common;

/**
 * Default topic names. They equal the stream processor's {@code
 * io.tokenmeter.processor.topology.Topics}: the CLI does not depend on the processor module (it
 * would pull Kafka Streams and RocksDB into a small tool), so a rename there must be repeated here.
 */
public final class CliTopics {

  /** Compacted, keyed by price_version_id. */
  public static final String PRICES = "tokenmeter.prices.v1";

  /** Compacted, keyed by budget_id. */
  public static final String BUDGETS = "tokenmeter.budgets.v1";

  private CliTopics() {}
}
