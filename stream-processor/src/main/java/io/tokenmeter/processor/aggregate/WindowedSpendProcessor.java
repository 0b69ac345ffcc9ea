package io.tokenmeter.processor.aggregate;

import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
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
 * <p>Emission: the latest totals of each window that changed, at most once per update interval
 * (wall clock; zero = after every event; none when updates are off), one final record when stream
 * time passes window end + grace, and a correction at once for a late event. Which totals still
 * have to be emitted is kept in the store with them ({@link StoredTotals}), so it commits in the
 * same transaction and survives a crash between a commit and the next emission. Late-event policy:
 * an event for a window that closed less than the correction retention ago is added to that window
 * and emitted at once with {@code is_final = true} and the next revision (a correction the sink
 * upserts); an event older than that cannot be added (the totals are gone) and is counted in the
 * {@code late-events-expired} metric. It is never lost: it stays on the priced-usage topic.
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
  private final Duration updateInterval;
  private final Clock clock;

  /** Store keys changed since the last emission of updates (all of them are in the store). */
  private final Set<String> pending = new LinkedHashSet<>();

  private final WindowCloseTracker closeTracker = new WindowCloseTracker(CLOSE_CHECK_INTERVAL);

  private ProcessorContext<String, WindowedAggregate> context;
  private KeyValueStore<String, StoredTotals> store;
  private Sensor corrected;
  private Sensor expired;

  /**
   * @param updateInterval how often changed totals are emitted; zero emits after every event
   */
  public WindowedSpendProcessor(
      Duration grace,
      Duration retention,
      boolean emitUpdates,
      Duration updateInterval,
      Clock clock) {
    this.grace = grace;
    this.retention = retention;
    this.emitUpdates = emitUpdates;
    this.updateInterval = updateInterval;
    this.clock = clock;
  }

  private boolean batchesUpdates() {
    return emitUpdates && !updateInterval.isZero();
  }

  @Override
  public void init(ProcessorContext<String, WindowedAggregate> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.AGGREGATE_WINDOWS);
    this.corrected = ProcessorMetrics.sensor(context, ProcessorMetrics.LATE_EVENTS_CORRECTED);
    this.expired = ProcessorMetrics.sensor(context, ProcessorMetrics.LATE_EVENTS_EXPIRED);
    closeTracker.restart(context.currentStreamTimeMs());
    readOpenWindows();
    context.schedule(CLOSE_CHECK_INTERVAL, PunctuationType.STREAM_TIME, this::closeWindows);
    if (batchesUpdates()) {
      context.schedule(updateInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitPending());
    }
  }

  /**
   * Reads the windows not finalized in the state this task starts from: their close times, and
   * those with updates committed but not yet emitted (a crash between a commit and the next
   * emission). Windows the tracker knows to be final hold neither.
   */
  private void readOpenWindows() {
    pending.clear();
    try (KeyValueIterator<String, StoredTotals> open =
        store.range(
            StoreKeys.from(closeTracker.finalizedUpTo() + 1), StoreKeys.upTo(Long.MAX_VALUE))) {
      open.forEachRemaining(
          entry -> {
            if (!entry.value.totals().getIsFinal()) {
              closeTracker.opened(StoreKeys.closeTime(entry.key));
            }
            if (batchesUpdates() && entry.value.hasUnemittedUpdate()) {
              pending.add(entry.key);
            }
          });
    }
  }

  @Override
  public void process(Record<String, PricedUsage> record) {
    long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
    for (AggregateWindow window : AggregateWindow.values()) {
      long windowStart = window.startOf(record.timestamp());
      long closeTime = window.endOf(windowStart) + grace.toMillis();
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
      } else {
        closeTracker.opened(closeTime);
      }
      for (AggregateDimension dimension : AggregateKey.dimensions()) {
        AggregateKey key = AggregateKey.of(dimension, window, windowStart, record.value());
        add(record, StoreKeys.of(closeTime, key), key, late);
      }
    }
  }

  private void add(
      Record<String, PricedUsage> record, String storeKey, AggregateKey key, boolean late) {
    StoredTotals current = store.get(storeKey);
    WindowedAggregate totals = current == null ? Spend.empty(key) : current.totals();
    Spend.addTo(totals, record.value(), late, clock.instant());
    if (late || (emitUpdates && !batchesUpdates())) {
      context.forward(new Record<>(key.id(), totals, record.timestamp()));
      store.put(storeKey, StoredTotals.emitted(totals));
      return;
    }
    store.put(storeKey, new StoredTotals(totals, current == null ? 0 : current.emittedRevision()));
    if (emitUpdates) {
      pending.add(storeKey);
    }
  }

  /** Emits the current totals of every window changed since the last call, once each. */
  private void emitPending() {
    for (String storeKey : pending) {
      StoredTotals stored = store.get(storeKey);
      if (stored != null && stored.hasUnemittedUpdate()) {
        WindowedAggregate totals = stored.totals();
        long timestamp =
            Math.max(context.currentStreamTimeMs(), totals.getWindowStart().toEpochMilli());
        context.forward(new Record<>(StoreKeys.aggregateId(storeKey), totals, timestamp));
        store.put(storeKey, StoredTotals.emitted(totals));
      }
    }
    pending.clear();
  }

  /** Emits the final value of every window that closed since the last check; drops expired ones. */
  private void closeWindows(long streamTime) {
    int closed = closeTracker.anyClosedBy(streamTime) ? finalizeClosed(streamTime) : 0;
    closeTracker.finalizedUpTo(streamTime);
    long expireUpTo = streamTime - retention.toMillis();
    long expireFrom = closeTracker.expireFrom(expireUpTo);
    List<String> expiredKeys = new ArrayList<>();
    if (expireFrom >= 0) {
      try (KeyValueIterator<String, StoredTotals> range =
          store.range(StoreKeys.from(expireFrom), StoreKeys.upTo(expireUpTo))) {
        range.forEachRemaining(entry -> expiredKeys.add(entry.key));
      }
    }
    expiredKeys.forEach(store::delete);
    LOGGER.debug("Closed {} window(s), expired {}", closed, expiredKeys.size());
  }

  private int finalizeClosed(long streamTime) {
    List<KeyValue<String, StoredTotals>> closed = new ArrayList<>();
    try (KeyValueIterator<String, StoredTotals> range =
        store.range(StoreKeys.from(closeTracker.finalizedUpTo() + 1), StoreKeys.upTo(streamTime))) {
      range.forEachRemaining(closed::add);
    }
    for (KeyValue<String, StoredTotals> entry : closed) {
      WindowedAggregate totals = entry.value.totals();
      if (!totals.getIsFinal()) {
        Spend.close(totals, clock.instant());
        context.forward(new Record<>(StoreKeys.aggregateId(entry.key), totals, streamTime));
        store.put(entry.key, StoredTotals.emitted(totals));
      }
    }
    return closed.size();
  }
}
