package io.tokenmeter.processor.it;

import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** The latest revision of each tenant's DAY x TENANT aggregate, read from the aggregates topic. */
final class LatestDayTotals {
  private LatestDayTotals() {}

  /** Reads until the latest revisions together count {@code events}; fails after the timeout. */
  static Map<String, WindowedAggregate> byTenant(
      KafkaConsumer<String, WindowedAggregate> consumer, long events, Duration timeout) {
    Map<String, WindowedAggregate> latest = new HashMap<>();
    Poll.until(
        consumer,
        read -> {
          read.stream()
              .map(ConsumerRecord::value)
              .filter(a -> a.getDimension() == AggregateDimension.TENANT)
              .filter(a -> a.getWindowSize() == WindowSize.DAY)
              .forEach(
                  a ->
                      latest.merge(
                          a.getTenantId(), a, (x, y) -> x.getRevision() > y.getRevision() ? x : y));
          return latest.values().stream().mapToLong(WindowedAggregate::getEventCount).sum()
              >= events;
        },
        timeout);
    return latest;
  }
}
