package io.tokenmeter.processor.dedup;

import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a usage event whose tenant and event_id were already seen within the retention, so an event
 * published twice (SDK retry, client resend) is priced, counted and budgeted once. Time is stream
 * time (the largest record timestamp seen), so a replay decides as the first run did; the window
 * store drops entries older than the retention segment by segment, which bounds it. Rejected
 * records (dead letters) pass through untouched: they are never priced.
 */
public final class DuplicateUsageFilter
    implements FixedKeyProcessor<byte[], DecodedUsage, DecodedUsage> {
  private static final Logger LOGGER = LoggerFactory.getLogger(DuplicateUsageFilter.class);

  private final Duration retention;
  private FixedKeyProcessorContext<byte[], DecodedUsage> context;
  private WindowStore<String, Long> seen;
  private Sensor duplicates;

  public DuplicateUsageFilter(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], DecodedUsage> context) {
    this.context = context;
    this.seen = context.getStateStore(StoreNames.USAGE_DEDUP);
    this.duplicates = ProcessorMetrics.sensor(context, ProcessorMetrics.DUPLICATES_DROPPED);
  }

  @Override
  public void process(FixedKeyRecord<byte[], DecodedUsage> record) {
    if (!(record.value() instanceof DecodedUsage.Valid valid)) {
      context.forward(record);
      return;
    }
    UsageEvent event = valid.event();
    String key = key(event);
    long now = Math.max(context.currentStreamTimeMs(), 0);
    if (seenSince(key, now - retention.toMillis(), now)) {
      duplicates.record();
      LOGGER.debug(
          "Dropping duplicate of event {} (tenant {})", event.getEventId(), event.getTenantId());
      return;
    }
    seen.put(key, event.getEventTime().toEpochMilli(), now);
    context.forward(record);
  }

  private boolean seenSince(String key, long from, long to) {
    try (WindowStoreIterator<Long> hits = seen.fetch(key, Math.max(0, from), to)) {
      return hits.hasNext();
    }
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
