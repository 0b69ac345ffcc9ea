package io.tokenmeter.processor.aggregate;

import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tumbling-window totals of priced usage for every window size and dimension.
 *
 * <p>Emission: an update per event (unless updates are off), one final record when stream time
 * passes window end + grace, and a correction for a late event. Late-event policy: an event for a
 * window that closed less than the correction retention ago is added to that window and emitted at
 * once with {@code is_final = true} and the next revision (a correction the sink upserts); an event
 * older than that cannot be added (the totals are gone) and is counted in the {@code
 * late-events-expired} metric. It is never lost: it stays on the priced-usage topic.
 *
 * <p>The Processor API (rather than the DSL's windowed aggregate) is used because the DSL drops
 * records later than the grace, and this policy must count them instead.
 */
public final class WindowedSpendProcessor
    implements Processor<String, PricedUsage, String, WindowedAggregate> {
  private static final Logger LOGGER = LoggerFactory.getLogger(WindowedSpendProcessor.class);

  /** How often (in stream time) closed windows are finalized and expired ones deleted. */
  static final Duration CLOSE_CHECK_INTERVAL = Duration.ofSeconds(10);

  private final Duration grace;
  private final Duration retention;
  private final boolean emitUpdates;
  private final Clock clock;
  private ProcessorContext<String, WindowedAggregate> context;
  private KeyValueStore<String, WindowedAggregate> store;
  private DecodedValueCache<WindowedAggregate> values;
  private Sensor corrected;
  private Sensor expired;
  private long finalizedUpTo = -1;

  public WindowedSpendProcessor(
      Duration grace, Duration retention, boolean emitUpdates, Clock clock) {
    this.grace = grace;
    this.retention = retention;
    this.emitUpdates = emitUpdates;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, WindowedAggregate> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.AGGREGATE_WINDOWS);
    this.values = new DecodedValueCache<>(store, DecodedValueCache.DEFAULT_ENTRIES);
    this.corrected = ProcessorMetrics.sensor(context, ProcessorMetrics.LATE_EVENTS_CORRECTED);
    this.expired = ProcessorMetrics.sensor(context, ProcessorMetrics.LATE_EVENTS_EXPIRED);
    context.schedule(CLOSE_CHECK_INTERVAL, PunctuationType.STREAM_TIME, this::closeWindows);
  }

  @Override
  public void process(Record<String, PricedUsage> record) {
    long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
    for (AggregateWindow window : AggregateWindow.values()) {
      Window bounds = window.windowFor(record.timestamp(), grace);
      long closeTime = bounds.end() + grace.toMillis();
      if (closeTime + retention.toMillis() <= streamTime) {
        expired.record();
        LOGGER.warn(
            "Event {} is older than the {} window's correction retention; not aggregated",
            record.value().getEvent().getEventId(),
            window);
        continue;
      }
      boolean late = closeTime <= streamTime;
      if (late) {
        corrected.record();
      }
      for (AggregateDimension dimension : AggregateKey.dimensions()) {
        AggregateKey key = AggregateKey.of(dimension, window, bounds.start(), record.value());
        add(record, StoreKeys.of(closeTime, key), key, late);
      }
    }
  }

  private void add(
      Record<String, PricedUsage> record, String storeKey, AggregateKey key, boolean late) {
    WindowedAggregate current = values.get(storeKey);
    WindowedAggregate totals = current == null ? Spend.empty(key) : current;
    WindowedAggregate updated = Spend.add(totals, record.value(), late, clock.instant());
    values.put(storeKey, updated);
    if (late || emitUpdates) {
      context.forward(new Record<>(key.id(), updated, record.timestamp()));
    }
  }

  /** Emits the final value of every window that closed since the last check; drops expired ones. */
  private void closeWindows(long streamTime) {
    List<KeyValue<String, WindowedAggregate>> closed = new ArrayList<>();
    try (KeyValueIterator<String, WindowedAggregate> range =
        store.range(StoreKeys.from(finalizedUpTo + 1), StoreKeys.upTo(streamTime))) {
      range.forEachRemaining(closed::add);
    }
    for (KeyValue<String, WindowedAggregate> entry : closed) {
      if (!entry.value.getIsFinal()) {
        WindowedAggregate finalValue = Spend.close(entry.value, clock.instant());
        values.put(entry.key, finalValue);
        context.forward(new Record<>(StoreKeys.aggregateId(entry.key), finalValue, streamTime));
      }
    }
    finalizedUpTo = streamTime;
    List<String> expiredKeys = new ArrayList<>();
    try (KeyValueIterator<String, WindowedAggregate> range =
        store.range(StoreKeys.from(0), StoreKeys.upTo(streamTime - retention.toMillis()))) {
      range.forEachRemaining(entry -> expiredKeys.add(entry.key));
    }
    expiredKeys.forEach(values::delete);
    LOGGER.debug("Closed {} window(s), expired {}", closed.size(), expiredKeys.size());
  }
}
