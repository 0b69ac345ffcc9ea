package io.tokenmeter.processor.dedup;

import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a usage event whose tenant, event_id and event_time were already seen, so an event
 * published twice (SDK retry, client resend: the same event, so the same event_time) is priced,
 * counted and budgeted once. Entries are stored at their event time, so finding a duplicate is one
 * point lookup (a time-range scan over the store's segments cost more than pricing itself). The
 * window store drops entries whose event time is more than the retention behind the newest one,
 * segment by segment, which bounds it; an event that old is not checked (metric {@code
 * duplicate-check-skipped}), since the entry of its first copy would be gone. An event dated more
 * than {@link #MAX_FUTURE_SKEW} after the processor's clock is not checked either (same metric):
 * storing it would move the store's time so far ahead that every normal event afterwards would
 * count as too old, switching the check off for good. Rejected records (dead letters) pass through
 * untouched: they are never priced.
 */
public final class DuplicateUsageFilter
    implements FixedKeyProcessor<byte[], DecodedUsage, DecodedUsage> {
  private static final Logger LOGGER = LoggerFactory.getLogger(DuplicateUsageFilter.class);

  /** How far ahead of the processor's clock an event's time may be and still be checked. */
  public static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);

  private final Duration retention;
  private final Clock clock;
  private FixedKeyProcessorContext<byte[], DecodedUsage> context;
  private WindowStore<String, Long> seen;
  private Sensor duplicates;
  private Sensor skipped;
  private long newestEventTime;

  public DuplicateUsageFilter(Duration retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], DecodedUsage> context) {
    this.context = context;
    this.seen = context.getStateStore(StoreNames.USAGE_DEDUP);
    this.duplicates = ProcessorMetrics.sensor(context, ProcessorMetrics.DUPLICATES_DROPPED);
    this.skipped = ProcessorMetrics.sensor(context, ProcessorMetrics.DUPLICATE_CHECKS_SKIPPED);
    this.newestEventTime = Long.MIN_VALUE;
  }

  @Override
  public void process(FixedKeyRecord<byte[], DecodedUsage> record) {
    if (!(record.value() instanceof DecodedUsage.Valid valid)) {
      context.forward(record);
      return;
    }
    UsageEvent event = valid.event();
    long eventTime = event.getEventTime().toEpochMilli();
    boolean tooOld =
        newestEventTime != Long.MIN_VALUE && eventTime <= newestEventTime - retention.toMillis();
    boolean tooFarAhead = eventTime > clock.millis() + MAX_FUTURE_SKEW.toMillis();
    if (tooOld || tooFarAhead) {
      skipped.record();
      context.forward(record);
      return;
    }
    newestEventTime = Math.max(newestEventTime, eventTime);
    String key = key(event);
    if (seen.fetch(key, eventTime) != null) {
      duplicates.record();
      LOGGER.debug(
          "Dropping duplicate of event {} (tenant {})", event.getEventId(), event.getTenantId());
      return;
    }
    // The value (stream time when first seen) is for people inspecting the store; only presence
    // matters here.
    seen.put(key, context.currentStreamTimeMs(), eventTime);
    context.forward(record);
  }

  /**
   * Tenant and event id, length-prefixed so no pair of ids can spell another pair: one tenant's
   * event ids never suppress another tenant's events.
   */
  static String key(UsageEvent event) {
    String tenant = event.getTenantId();
    return tenant.length() + ":" + tenant + "/" + event.getEventId();
  }
}
