package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.deadletter.UsageDecoder;
import io.tokenmeter.processor.dedup.DuplicateUsageFilter;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Usage topic in, as bytes: decoding and validation happen inside the topology, where a failure
 * becomes a dead letter with the original bytes instead of a crash or a silent skip. A second copy
 * of an event (same tenant, event_id and event_time, within the dedup retention) stops here.
 */
public final class DecodeStage {
  /** Each entry is its own window, at the event's time: only that start time matters. */
  private static final Duration DEDUP_WINDOW = Duration.ofMillis(1);

  private DecodeStage() {}

  public static KStream<byte[], DecodedUsage> attach(
      StreamsBuilder builder, ProcessorSettings settings, TopologySerdes serdes, Clock clock) {
    Duration retention = settings.dedupRetention();
    builder.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    StoreNames.USAGE_DEDUP, retention, DEDUP_WINDOW, false),
                Serdes.String(),
                Serdes.Long())
            // No record cache: every key is new, so a cache would merge no writes and only add a
            // copy and a flush per event.
            .withCachingDisabled());
    return builder.stream(
            settings.usageTopic(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(StoreNames.USAGE_SOURCE))
        .processValues(
            () -> new UsageDecoder(serdes.usage().deserializer(), clock),
            Named.as(StoreNames.USAGE_DECODE))
        .processValues(
            () -> new DuplicateUsageFilter(retention, clock),
            Named.as(StoreNames.USAGE_DEDUP_FILTER),
            StoreNames.USAGE_DEDUP);
  }
}
