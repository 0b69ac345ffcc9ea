package io.tokenmeter.processor.api;

import io.tokenmeter.processor.aggregate.StoredTotals;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetState;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive-query views of the local stores. Looked up per request: a view obtained before a
 * rebalance may point at tasks that have moved away. Throws {@code InvalidStateStoreException}
 * while the store is not queryable (the API answers 503).
 */
public final class StreamsStoreAccess implements StoreAccess {
  private final KafkaStreams streams;

  public StreamsStoreAccess(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public ReadOnlyKeyValueStore<String, StoredTotals> aggregates() {
    return store(StoreNames.AGGREGATE_WINDOWS);
  }

  @Override
  public ReadOnlyKeyValueStore<String, StoredTotals> monthSpend() {
    return store(StoreNames.MONTH_SPEND);
  }

  @Override
  public ReadOnlyKeyValueStore<String, BudgetState> budgetSpend() {
    return store(StoreNames.BUDGET_SPEND);
  }

  @Override
  public ReadOnlyKeyValueStore<String, BudgetDefinition> budgets() {
    return store(StoreNames.BUDGETS);
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }
}
