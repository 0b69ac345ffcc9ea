package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.budget.BudgetIndex;
import io.tokenmeter.processor.budget.BudgetLoader;
import io.tokenmeter.processor.budget.BudgetOutput;
import io.tokenmeter.processor.budget.BudgetProcessor;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.schema.v1.PricedUsage;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Budgets topic (global store, so every instance knows every budget) and priced usage in; budget
 * alerts and budget state (both keyed by budget id) out.
 */
public final class BudgetStage {
  private static final String ALERT = "alert";
  private static final String STATE = "state";

  private BudgetStage() {}

  public static void attach(
      StreamsBuilder builder,
      KStream<String, PricedUsage> priced,
      ProcessorSettings settings,
      TopologySerdes serdes,
      Clock clock) {
    BudgetIndex index = new BudgetIndex();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.BUDGETS), Serdes.String(), serdes.budgets())
            .withLoggingDisabled(),
        settings.budgetsTopic(),
        Consumed.with(Serdes.String(), serdes.budgets()).withName(StoreNames.BUDGETS_SOURCE),
        () -> new BudgetLoader(index));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.BUDGET_SPEND),
                Serdes.String(),
                serdes.budgetStates())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.BUDGET_FORECASTS),
                Serdes.String(),
                Serdes.Long())
            .withCachingEnabled());
    Map<String, KStream<String, BudgetOutput>> outputs =
        priced
            .process(
                () -> new BudgetProcessor(index, clock, settings.budgetStateInterval()),
                Named.as(StoreNames.BUDGET_PROCESSOR),
                StoreNames.BUDGET_SPEND,
                StoreNames.BUDGET_FORECASTS)
            .split(Named.as(StoreNames.BUDGET_SPLIT))
            .branch((id, out) -> out instanceof BudgetOutput.Alert, Branched.as(ALERT))
            .defaultBranch(Branched.as(STATE));
    outputs
        .get(StoreNames.BUDGET_SPLIT + ALERT)
        .mapValues(out -> ((BudgetOutput.Alert) out).alert(), Named.as("budget-alert-value"))
        .to(
            settings.budgetAlertsTopic(),
            Produced.with(Serdes.String(), serdes.alerts()).withName(StoreNames.BUDGET_ALERT_SINK));
    outputs
        .get(StoreNames.BUDGET_SPLIT + STATE)
        // A deleted budget's state becomes a tombstone (null value) on the compacted topic.
        .mapValues(
            out -> out instanceof BudgetOutput.State state ? state.state() : null,
            Named.as("budget-state-value"))
        .to(
            settings.budgetStateTopic(),
            Produced.with(Serdes.String(), serdes.budgetStates())
                .withName(StoreNames.BUDGET_STATE_SINK));
  }
}
