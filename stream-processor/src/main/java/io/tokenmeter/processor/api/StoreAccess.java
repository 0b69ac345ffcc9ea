package io.tokenmeter.processor.api;

import io.tokenmeter.processor.aggregate.StoredTotals;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetState;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The state stores the API reads, as read-only views. In production they come from Kafka Streams
 * interactive queries ({@link StreamsStoreAccess}); a test can hand in a TopologyTestDriver's
 * stores, which makes the HTTP layer testable without a broker.
 */
public interface StoreAccess {
  /** {@code StoreNames.AGGREGATE_WINDOWS}: window totals of the partitions held here. */
  ReadOnlyKeyValueStore<String, StoredTotals> aggregates();

  /** {@code StoreNames.MONTH_SPEND}: current and previous UTC month totals of local tenants. */
  ReadOnlyKeyValueStore<String, StoredTotals> monthSpend();

  /** {@code StoreNames.BUDGET_SPEND}: current-period state of the budgets of local tenants. */
  ReadOnlyKeyValueStore<String, BudgetState> budgetSpend();

  /** {@code StoreNames.BUDGETS}: every budget definition (a global store, complete everywhere). */
  ReadOnlyKeyValueStore<String, BudgetDefinition> budgets();
}
