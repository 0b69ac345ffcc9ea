package io.tokenmeter.processor.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads a consumer until a condition holds on everything read so far; fails if a deadline passes
 * first, saying how much was read, rather than leaving a later assertion to report a short read.
 */
final class Poll {
  private Poll() {}

  static <K, V> List<ConsumerRecord<K, V>> until(
      KafkaConsumer<K, V> consumer, Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
    List<ConsumerRecord<K, V>> read = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(read)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + timeout
                + " reading "
                + consumer.subscription()
                + consumer.assignment()
                + ": the condition did not hold on the "
                + read.size()
                + " record(s) read");
      }
      consumer.poll(Duration.ofMillis(200)).forEach(read::add);
    }
    return read;
  }
}
