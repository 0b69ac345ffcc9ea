package io.tokenmeter.cli.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a compacted topic from the beginning to the end offsets it had when reading started and
 * keeps the latest value per key, dropping keys whose latest record is a tombstone: the table the
 * topic stands for. No consumer group, nothing committed.
 */
public final class CompactedTopicReader {

  /** Upper bound on one read; a topic of a few thousand prices takes well under a second. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration POLL = Duration.ofMillis(200);

  private final Clock clock;
  private final Duration timeout;

  public CompactedTopicReader(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * The latest non-null value per key, in the order keys were first seen; empty when the topic does
   * not exist.
   *
   * @throws CliFailure when the end is not reached within the timeout
   */
  public <V> Map<String, V> readLatest(Consumer<String, V> consumer, String topic) {
    // Metadata calls use the consumer's default.api.timeout.ms (15 s, or -X), so an unreachable
    // broker fails fast; the timeout below bounds only reading the records.
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    Map<String, V> latest = new LinkedHashMap<>();
    if (infos == null || infos.isEmpty()) {
      return latest;
    }
    List<TopicPartition> partitions =
        infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Instant deadline = clock.instant().plus(timeout);
    while (!atEnd(consumer, end)) {
      if (clock.instant().isAfter(deadline)) {
        throw new CliFailure(
            "reading "
                + topic
                + " did not reach its end within "
                + timeout.toSeconds()
                + " s;"
                + " check that the broker is healthy, or raise -X default.api.timeout.ms");
      }
      for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
        if (record.value() == null) {
          latest.remove(record.key());
        } else {
          latest.put(record.key(), record.value());
        }
      }
    }
    return latest;
  }

  private static boolean atEnd(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }
}
