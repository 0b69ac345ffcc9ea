package io.tokenmeter.e2e;

import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.serde.AvroSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the budget-alerts topic as a consumer would ({@code read_committed}) while the benchmark
 * runs, and dates each alert when it becomes readable: its latency is that instant minus the
 * triggering event's time, which the benchmark sets to the instant the event was published.
 */
final class AlertWatcher implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(AlertWatcher.class);
  private static final Duration POLL = Duration.ofMillis(50);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroSerde<BudgetAlert> serde = AvroSerde.specific(BudgetAlert.class);
  private final String topic;
  private final Clock clock;
  private final Map<String, Integer> copiesByAlertId = new ConcurrentHashMap<>();
  private final List<Long> latencies = new CopyOnWriteArrayList<>();
  private final List<Long> triggeredAt = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  AlertWatcher(String bootstrapServers, String registryUrl, String topic, Clock clock) {
    this.topic = topic;
    this.clock = clock;
    serde.configure(Map.of("schema.registry.url", registryUrl), false);
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.thread = Thread.ofPlatform().name("bench-alert-watcher").start(this::pollLoop);
  }

  private void pollLoop() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          long readableAt = clock.millis();
          BudgetAlert alert = serde.deserializer().deserialize(topic, record.value());
          triggeredAt.add(alert.getTriggeringEventTime().toEpochMilli());
          latencies.add(readableAt - alert.getTriggeringEventTime().toEpochMilli());
          copiesByAlertId.merge(alert.getAlertId(), 1, Integer::sum);
        }
      }
    } catch (RuntimeException e) {
      LOGGER.error("alert watcher stopped", e);
    } finally {
      consumer.close();
    }
  }

  /** Alert records read so far (a replayed duplicate counts twice). */
  long records() {
    return latencies.size();
  }

  Map<String, Integer> copiesByAlertId() {
    return Map.copyOf(copiesByAlertId);
  }

  Percentiles latencies() {
    return new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * Latencies of the alerts whose triggering event was published in each minute since {@code
   * startMs}: {minute index -> percentiles}, in time order.
   */
  java.util.SortedMap<Long, Percentiles> latenciesByMinute(long startMs) {
    java.util.SortedMap<Long, List<Long>> byMinute = new java.util.TreeMap<>();
    for (int i = 0; i < Math.min(latencies.size(), triggeredAt.size()); i++) {
      long minute = Math.max(0, triggeredAt.get(i) - startMs) / 60_000;
      byMinute.computeIfAbsent(minute, m -> new java.util.ArrayList<>()).add(latencies.get(i));
    }
    java.util.SortedMap<Long, Percentiles> result = new java.util.TreeMap<>();
    byMinute.forEach(
        (minute, values) ->
            result.put(
                minute, new Percentiles(values.stream().mapToLong(Long::longValue).toArray())));
    return result;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
  }
}
