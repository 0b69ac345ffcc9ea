package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.aggregate.WindowedSpendProcessor;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.time.EventTimeExtractor;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Priced-usage topic in, windowed aggregates out. Reading the priced topic (rather than the
 * in-memory stream) means events priced late, after waiting on the unpriced topic, are aggregated
 * the same way, and the priced topic stays the one source of truth the totals can be rebuilt from.
 */
public final class AggregateStage {
  private AggregateStage() {}

  public static void attach(
      StreamsBuilder builder, ProcessorSettings settings, TopologySerdes serdes, Clock clock) {
    StoreBuilder<KeyValueStore<String, WindowedAggregate>> store =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.AGGREGATE_WINDOWS),
            Serdes.String(),
            serdes.aggregates());
    builder.addStateStore(store);
    builder.stream(
            settings.pricedUsageTopic(),
            Consumed.with(Serdes.String(), serdes.priced())
                .withTimestampExtractor(new EventTimeExtractor())
                .withName(StoreNames.PRICED_SOURCE))
        .filter((tenant, priced) -> priced != null, Named.as("priced-not-null"))
        .<String, WindowedAggregate>process(
            () ->
                new WindowedSpendProcessor(
                    settings.aggregateGrace(),
                    settings.correctionRetention(),
                    settings.emitAggregateUpdates(),
                    clock),
            Named.as(StoreNames.AGGREGATE_PROCESSOR),
            StoreNames.AGGREGATE_WINDOWS)
        .to(
            settings.aggregatesTopic(),
            Produced.with(Serdes.String(), serdes.aggregates())
                .withName(StoreNames.AGGREGATE_SINK));
  }
}
