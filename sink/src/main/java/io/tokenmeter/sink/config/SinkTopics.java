package io.tokenmeter.sink.config;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The five topics the sink reads, one per ClickHouse table.
 *
 * @param pricedUsage {@code PricedUsage} records
 * @param aggregates {@code WindowedAggregate} records
 * @param budgetAlerts {@code BudgetAlert} records
 * @param unpricedUsage {@code UnpricedUsage} records
 * @param deadLetters {@code DeadLetter} records
 */
public record SinkTopics(
    String pricedUsage,
    String aggregates,
    String budgetAlerts,
    String unpricedUsage,
    String deadLetters) {

  public static final String DEFAULT_PRICED_USAGE = "tokenmeter.priced-usage.v1";
  public static final String DEFAULT_AGGREGATES = "tokenmeter.aggregates.v1";
  public static final String DEFAULT_BUDGET_ALERTS = "tokenmeter.budget-alerts.v1";
  public static final String DEFAULT_UNPRICED_USAGE = "tokenmeter.unpriced-usage.v1";
  public static final String DEFAULT_DEAD_LETTERS = "tokenmeter.dead-letters.v1";

  public SinkTopics {
    requireTopic(pricedUsage, "pricedUsage");
    requireTopic(aggregates, "aggregates");
    requireTopic(budgetAlerts, "budgetAlerts");
    requireTopic(unpricedUsage, "unpricedUsage");
    requireTopic(deadLetters, "deadLetters");
    if (all(pricedUsage, aggregates, budgetAlerts, unpricedUsage, deadLetters).size() != 5) {
      throw new IllegalArgumentException(
          "the five sink topics must be different, got "
              + String.join(", ", pricedUsage, aggregates, budgetAlerts, unpricedUsage, deadLetters)
              + ": each topic feeds exactly one table");
    }
  }

  /** The defaults the stream processor writes to. */
  public static SinkTopics defaults() {
    return new SinkTopics(
        DEFAULT_PRICED_USAGE,
        DEFAULT_AGGREGATES,
        DEFAULT_BUDGET_ALERTS,
        DEFAULT_UNPRICED_USAGE,
        DEFAULT_DEAD_LETTERS);
  }

  /** All five, in a stable order, for {@code subscribe}. */
  public Set<String> all() {
    return all(pricedUsage, aggregates, budgetAlerts, unpricedUsage, deadLetters);
  }

  private static Set<String> all(String... topics) {
    Set<String> set = new LinkedHashSet<>();
    for (String topic : topics) {
      set.add(topic);
    }
    return set;
  }

  private static void requireTopic(String topic, String name) {
    Objects.requireNonNull(topic, name);
    if (topic.isBlank()) {
      throw new IllegalArgumentException(
          name + " topic is blank: set a Kafka topic name or leave the default");
    }
  }
}
