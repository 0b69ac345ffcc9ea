package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowedAggregate;
import io.tokenmeter.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecord;

/**
 * The value serdes of the topology, configured once from the settings (registry URL and any
 * registry or serde keys pass through). Keys are plain strings (tenant ids, price version ids,
 * aggregate ids); raw usage and dead-letter keys are bytes, unchanged.
 */
public record TopologySerdes(
    AvroSerde<UsageEvent> usage,
    AvroSerde<PricedUsage> priced,
    AvroSerde<UnpricedUsage> unpriced,
    AvroSerde<ModelPrice> prices,
    AvroSerde<WindowedAggregate> aggregates,
    AvroSerde<DeadLetter> deadLetters,
    AvroSerde<BudgetDefinition> budgets,
    AvroSerde<BudgetAlert> alerts,
    AvroSerde<BudgetState> budgetStates) {

  public static TopologySerdes from(ProcessorSettings settings) {
    return new TopologySerdes(
        value(UsageEvent.class, settings),
        value(PricedUsage.class, settings),
        value(UnpricedUsage.class, settings),
        value(ModelPrice.class, settings),
        value(WindowedAggregate.class, settings),
        value(DeadLetter.class, settings),
        value(BudgetDefinition.class, settings),
        value(BudgetAlert.class, settings),
        value(BudgetState.class, settings));
  }

  private static <T extends SpecificRecord> AvroSerde<T> value(
      Class<T> type, ProcessorSettings settings) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(settings.all(), false);
    return serde;
  }
}
