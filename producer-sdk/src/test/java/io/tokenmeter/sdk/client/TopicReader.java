package io.tokenmeter.sdk.client;

import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning until a count is reached or time runs out, then a bit more. */
final class TopicReader {
  private TopicReader() {}

  /**
   * Reads until {@code expected} records arrived or {@code timeout} passed, then keeps polling a
   * short while longer so that duplicates, if any, are seen too.
   */
  static List<ConsumerRecord<String, UsageEvent>> readAll(
      String bootstrap, String registryUrl, String topic, int expected, Duration timeout) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Only committed (acknowledged) data, as a downstream consumer would see it.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaAvroDeserializer<UsageEvent> values = new KafkaAvroDeserializer<>(UsageEvent.class);
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    List<ConsumerRecord<String, UsageEvent>> records = new ArrayList<>();
    try (KafkaConsumer<String, UsageEvent> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      long settle = System.nanoTime() + Duration.ofMillis(500).toNanos();
      while (System.nanoTime() < settle) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }
}
