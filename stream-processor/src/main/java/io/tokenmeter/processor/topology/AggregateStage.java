package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.aggregate.MonthSpendProcessor;
import io.tokenmeter.processor.aggregate.WindowedSpendProcessor;
import io.tokenmeter.processor.aggregate.codec.StoredTotalsSerde;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.state.WriteBehindStoreBuilder;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Priced usage in, windowed aggregates out (see {@link WindowedSpendProcessor} for the policy). */
public final class AggregateStage {
  private AggregateStage() {}

  public static void attach(
      StreamsBuilder builder,
      KStream<String, PricedUsage> priced,
      ProcessorSettings settings,
      TopologySerdes serdes,
      Clock clock) {
    StoredTotalsSerde storeValues = new StoredTotalsSerde(serdes.aggregates().deserializer());
    builder.addStateStore(
        WriteBehindStoreBuilder.persistent(
            StoreNames.AGGREGATE_WINDOWS, Serdes.String(), storeValues));
    priced
        .<String, WindowedAggregate>process(
            () ->
                new WindowedSpendProcessor(
                    settings.aggregateGrace(),
                    settings.correctionRetention(),
                    settings.emitAggregateUpdates(),
                    settings.aggregateUpdateInterval(),
                    clock),
            Named.as(StoreNames.AGGREGATE_PROCESSOR),
            StoreNames.AGGREGATE_WINDOWS)
        .to(
            settings.aggregatesTopic(),
            Produced.with(Serdes.String(), serdes.aggregates())
                .withName(StoreNames.AGGREGATE_SINK));
    builder.addStateStore(
        WriteBehindStoreBuilder.persistent(StoreNames.MONTH_SPEND, Serdes.String(), storeValues));
    priced.process(
        () -> new MonthSpendProcessor(clock),
        Named.as(StoreNames.MONTH_PROCESSOR),
        StoreNames.MONTH_SPEND);
  }
}
