package io.tokenmeter.processor.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything committed on a topic up to its end, read once the producing side is done (see {@link
 * io.tokenmeter.testenv.CommittedOffsets}): an exact read, where polling a little longer after the
 * expected count could miss a duplicate that was still on its way.
 */
final class ReadToEnd {
  private ReadToEnd() {}

  /** Polls a subscribed read_committed consumer until its position reaches every end offset. */
  static <K, V> List<ConsumerRecord<K, V>> all(KafkaConsumer<K, V> consumer, Duration timeout) {
    List<ConsumerRecord<K, V>> read = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      if (!consumer.assignment().isEmpty() && atEnd(consumer)) {
        return read;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout + " reading to the end; " + read.size() + " read");
      }
    }
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer) {
    // Under read_committed the end offsets are the last stable offsets.
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
