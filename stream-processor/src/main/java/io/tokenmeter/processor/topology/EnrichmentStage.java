package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.enrich.Enriched;
import io.tokenmeter.processor.enrich.LiveCatalog;
import io.tokenmeter.processor.enrich.PriceCatalogLoader;
import io.tokenmeter.processor.enrich.PricingProcessor;
import io.tokenmeter.schema.v1.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Decoded usage in; priced, unpriced and dead-letter topics out. The catalog is a global store of
 * the compacted prices topic, so every instance sees every price and updates apply without a
 * restart; unpriced events wait in a local store until a price for them arrives.
 */
public final class EnrichmentStage {
  private static final String PRICED = "priced";
  private static final String UNPRICED = "unpriced";
  private static final String FAILED = "failed";

  private EnrichmentStage() {}

  public static void attach(
      StreamsBuilder builder,
      KStream<byte[], DecodedUsage> decoded,
      ProcessorSettings settings,
      TopologySerdes serdes,
      LiveCatalog catalog,
      Clock clock) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.PRICES), Serdes.String(), serdes.prices())
            .withLoggingDisabled(),
        settings.pricesTopic(),
        Consumed.with(Serdes.String(), serdes.prices()).withName(StoreNames.PRICES_SOURCE),
        () -> new PriceCatalogLoader(catalog));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.UNPRICED_PARKING),
                Serdes.String(),
                serdes.unpriced())
            .withCachingEnabled());
    Map<String, KStream<String, Enriched>> outcomes =
        decoded
            .process(
                () -> new PricingProcessor(catalog, clock, settings.unpricedRetryInterval()),
                Named.as(StoreNames.PRICING),
                StoreNames.UNPRICED_PARKING)
            .split(Named.as(StoreNames.ENRICHED_SPLIT))
            .branch((tenant, out) -> out instanceof Enriched.Priced, Branched.as(PRICED))
            .branch((tenant, out) -> out instanceof Enriched.Unpriced, Branched.as(UNPRICED))
            .defaultBranch(Branched.as(FAILED));
    outcomes
        .get(StoreNames.ENRICHED_SPLIT + PRICED)
        .mapValues(out -> ((Enriched.Priced) out).priced(), Named.as("priced-value"))
        .to(
            settings.pricedUsageTopic(),
            Produced.with(Serdes.String(), serdes.priced()).withName(StoreNames.PRICED_SINK));
    outcomes
        .get(StoreNames.ENRICHED_SPLIT + UNPRICED)
        .mapValues(out -> ((Enriched.Unpriced) out).unpriced(), Named.as("unpriced-value"))
        .to(
            settings.unpricedUsageTopic(),
            Produced.with(Serdes.String(), serdes.unpriced()).withName(StoreNames.UNPRICED_SINK));
    outcomes
        .get(StoreNames.ENRICHED_SPLIT + FAILED)
        .map(
            (tenant, out) -> {
              DeadLetter letter = ((Enriched.Failed) out).deadLetter();
              return KeyValue.pair(bytes(letter.getKey()), letter);
            },
            Named.as("dead-letter-original-key"))
        .to(
            settings.deadLettersTopic(),
            Produced.with(Serdes.ByteArray(), serdes.deadLetters())
                .withName(StoreNames.DEAD_LETTER_SINK));
  }

  /** The dead letter's copy of the original key, so it lands where the original record did. */
  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
