package io.tokenmeter.processor.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Counts the committed records of a topic (read_committed), to check a run did all its work. */
final class OutputCount {
  private static final Duration QUIET = Duration.ofSeconds(10);

  private OutputCount() {}

  /**
   * Reads until {@code expected} records were seen or nothing more arrives for a while: the commit
   * markers of a transaction reach its partitions shortly after its offsets are committed, so a
   * single read to the end offsets could stop before the last transaction is visible.
   */
  static long committed(String bootstrap, String topic, long expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long count = 0;
      long quietSince = System.nanoTime();
      while (count < expected && System.nanoTime() - quietSince < QUIET.toNanos()) {
        int read = consumer.poll(Duration.ofMillis(200)).count();
        if (read > 0) {
          count += read;
          quietSince = System.nanoTime();
        }
      }
      return count;
    }
  }
}
