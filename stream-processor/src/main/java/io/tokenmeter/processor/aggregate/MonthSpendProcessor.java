package io.tokenmeter.processor.aggregate;

import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running totals of the current and the previous UTC calendar month per tenant, tenant x model and
 * tenant x workflow, for the spend API ({@code period=month}). Day windows leave the aggregate
 * store a day after they close, so a month cannot be summed from them.
 *
 * <p>Internal only, nothing is emitted: the values reuse {@code WindowedAggregate} (in {@link
 * StoredTotals}) with {@code window_size = UNKNOWN} (a month is not one of the fixed window sizes)
 * and the month's bounds. Months older than the previous one are deleted; an event for such a month
 * (a backfill) is not counted here, only in the metric {@code month-events-not-counted} and a WARN
 * line per month and task (it is in the priced topic and in ClickHouse, which answer for old
 * months).
 */
public final class MonthSpendProcessor implements Processor<String, PricedUsage, Void, Void> {
  private static final Logger LOGGER = LoggerFactory.getLogger(MonthSpendProcessor.class);

  /** How often (in stream time) months that are no longer kept are deleted. */
  static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

  private final Clock clock;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, StoredTotals> store;
  private Sensor notCounted;

  /** Months already warned about, so a large backfill logs one line per month, not per event. */
  private final Set<YearMonth> warned = new HashSet<>();

  public MonthSpendProcessor(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.MONTH_SPEND);
    this.notCounted = ProcessorMetrics.sensor(context, ProcessorMetrics.MONTH_EVENTS_NOT_COUNTED);
    context.schedule(CLEANUP_INTERVAL, PunctuationType.STREAM_TIME, this::dropOldMonths);
  }

  @Override
  public void process(Record<String, PricedUsage> record) {
    Instant eventTime = record.value().getEvent().getEventTime();
    YearMonth month = YearMonth.from(eventTime.atZone(ZoneOffset.UTC));
    long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
    if (month.isBefore(oldestKept(streamTime))) {
      notCounted.record();
      if (warned.add(month)) {
        LOGGER.warn(
            "Events of {} are older than the months the spend API keeps (this and the previous UTC"
                + " month); they are not in its month totals (metric {}). Query ClickHouse for {}.",
            month,
            ProcessorMetrics.MONTH_EVENTS_NOT_COUNTED,
            month);
      }
      return;
    }
    for (AggregateDimension dimension : AggregateKey.dimensions()) {
      AggregateKey dayKey =
          AggregateKey.of(dimension, AggregateWindow.DAY, start(month), record.value());
      String key = MonthKeys.of(month, dayKey);
      StoredTotals current = store.get(key);
      WindowedAggregate totals = current == null ? empty(month, dayKey) : current.totals();
      Spend.addTo(totals, record.value(), false, clock.instant());
      // Month totals are never emitted, so there is never an update waiting.
      store.put(key, StoredTotals.emitted(totals));
    }
  }

  private static WindowedAggregate empty(YearMonth month, AggregateKey dayKey) {
    return WindowedAggregate.newBuilder(Spend.empty(dayKey))
        .setWindowStart(Instant.ofEpochMilli(start(month)))
        .setWindowEnd(Instant.ofEpochMilli(start(month.plusMonths(1))))
        .setWindowSize(WindowSize.UNKNOWN)
        .build();
  }

  private static long start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static YearMonth oldestKept(long streamTimeMs) {
    return YearMonth.from(Instant.ofEpochMilli(streamTimeMs).atZone(ZoneOffset.UTC)).minusMonths(1);
  }

  private void dropOldMonths(long streamTime) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, StoredTotals> range =
        store.range(MonthKeys.FIRST, MonthKeys.before(oldestKept(streamTime)))) {
      range.forEachRemaining(entry -> old.add(entry.key));
    }
    old.forEach(store::delete);
  }
}
