package io.tokenmeter.processor.topology;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.enrich.LiveCatalog;
import io.tokenmeter.processor.time.EventTimeExtractor;
import io.tokenmeter.schema.v1.PricedUsage;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The whole processor as a pure function of its settings, catalog and clock: no broker, no threads,
 * so {@code TopologyTestDriver} tests run it exactly as production does.
 *
 * <pre>
 * prices (compacted) --> global store + catalog
 * usage (bytes) -> decode + validate -> price at event time -+-> priced usage
 *                                     |                      +-> unpriced usage (parked, retried)
 *                                     +----------------------+-> dead letters
 * priced usage -+-> 1m / 1h / 1d x tenant, tenant+model, tenant+workflow -> aggregates
 * budgets ------ +-> period spend per budget -> budget alerts, budget state
 * </pre>
 *
 * @param catalog filled from the prices topic; pass an empty one (it may hold a seed catalog)
 */
public final class CostTopology {
  private CostTopology() {}

  public static Topology build(ProcessorSettings settings, PriceCatalog catalog, Clock clock) {
    return build(settings, TopologySerdes.from(settings), catalog, clock);
  }

  public static Topology build(
      ProcessorSettings settings, TopologySerdes serdes, PriceCatalog catalog, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<byte[], DecodedUsage> decoded = DecodeStage.attach(builder, settings, serdes, clock);
    EnrichmentStage.attach(builder, decoded, settings, serdes, new LiveCatalog(catalog), clock);
    KStream<String, PricedUsage> priced =
        builder.stream(
                settings.pricedUsageTopic(),
                Consumed.with(Serdes.String(), serdes.priced())
                    .withTimestampExtractor(new EventTimeExtractor())
                    .withName(StoreNames.PRICED_SOURCE))
            .filter((tenant, value) -> value != null, Named.as("priced-not-null"));
    AggregateStage.attach(builder, priced, settings, serdes, clock);
    BudgetStage.attach(builder, priced, settings, serdes, clock);
    return builder.build();
  }
}
