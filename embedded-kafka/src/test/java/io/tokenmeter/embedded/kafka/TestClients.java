package io.tokenmeter.embedded.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for the tests, with a small poll helper instead of Awaitility. */
final class TestClients {

  static final Duration WAIT = Duration.ofSeconds(60);

  private TestClients() {}

  static void produce(String bootstrap, List<ProducerRecord<String, String>> records)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (ProducerRecord<String, String> record : records) {
        producer.send(record);
      }
      producer.flush();
    }
  }

  /** Reads {@code count} records from the start of the topic with a throwaway group. */
  static List<ConsumerRecord<String, String>> consumeFromBeginning(
      String bootstrap, String topic, int count, String isolationLevel) {
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        consumer(bootstrap, "reader-" + UUID.randomUUID(), isolationLevel)) {
      consumer.subscribe(List.of(topic));
      pollUntil(
          () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.size() >= count;
          },
          "reading " + count + " records from " + topic);
    }
    return received;
  }

  static KafkaConsumer<String, String> consumer(
      String bootstrap, String groupId, String isolationLevel) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, groupId,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  /** Calls {@code step} until it returns true; fails after {@link #WAIT}. */
  static void pollUntil(BooleanSupplier step, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!step.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + WAIT + " " + what);
      }
    }
  }
}
