package io.tokenmeter.processor.budget;

import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.BudgetDefinition;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global budgets store and the {@link BudgetIndex} in step with the budgets topic. */
public final class BudgetLoader implements Processor<String, BudgetDefinition, Void, Void> {
  private final BudgetIndex index;
  private KeyValueStore<String, BudgetDefinition> store;

  public BudgetLoader(BudgetIndex index) {
    this.index = index;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.BUDGETS);
    try (KeyValueIterator<String, BudgetDefinition> all = store.all()) {
      all.forEachRemaining(entry -> index.upsert(entry.value));
    }
    // Global stores are bootstrapped (restored, processor initialized) before any stream thread
    // starts, so stream tasks never see the index before this point.
    index.markLoaded();
  }

  @Override
  public void process(Record<String, BudgetDefinition> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null || record.value().getDeleted()) {
      store.delete(record.key());
      index.remove(record.key());
      return;
    }
    store.put(record.key(), record.value());
    index.upsert(record.value());
  }
}
