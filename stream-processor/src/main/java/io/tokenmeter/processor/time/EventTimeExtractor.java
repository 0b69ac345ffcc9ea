package io.tokenmeter.processor.time;

import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the payload ({@code UsageEvent.event_time}, also inside priced and unpriced
 * events), so windows and price versions follow when the call happened, not when Kafka saw it.
 * Records without one (null values, raw bytes, a non-positive time) fall back to partition time,
 * which keeps them in order instead of failing the task; with no partition time yet, the record's
 * own Kafka timestamp.
 */
public final class EventTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long eventTime = eventTimeOf(record.value());
    if (eventTime > 0) {
      return eventTime;
    }
    return partitionTime >= 0 ? partitionTime : Math.max(record.timestamp(), 0);
  }

  /** The payload's event time, or -1 when the value carries none. */
  public static long eventTimeOf(Object value) {
    UsageEvent event =
        switch (value) {
          case UsageEvent usage -> usage;
          case PricedUsage priced -> priced.getEvent();
          case UnpricedUsage unpriced -> unpriced.getEvent();
          case null, default -> null;
        };
    if (event == null || event.getEventTime() == null) {
      return -1;
    }
    return event.getEventTime().toEpochMilli();
  }
}
