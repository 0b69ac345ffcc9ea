package io.tokenmeter.processor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a Kafka Streams application's committed input offsets: it is done with a topic when, on
 * every partition, it has committed past the last data record. Under exactly_once_v2 a committed
 * offset means the outputs of those records (stores, downstream topics) are committed too, so this
 * measures the whole topology, not only its first step.
 */
final class CommitProgress implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(50);
  private final Admin admin;
  private final String group;

  CommitProgress(String bootstrap, String group) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(props);
    this.group = group;
  }

  /** Timings of one run: first commit seen, all input committed, and the count at first commit. */
  record Run(long firstCommitNanos, long doneNanos, long committedAtFirst, long streamCpuNanos) {
    double eventsPerSecond(long events) {
      return (events - committedAtFirst) / ((doneNanos - firstCommitNanos) / 1e9);
    }

    /** CPU time of the application's stream threads per event, in the same interval. */
    double cpuMicrosPerEvent(long events) {
      return streamCpuNanos / 1e3 / (events - committedAtFirst);
    }
  }

  /**
   * Polls until every listed topic is fully consumed and committed. A topic written in transactions
   * ends with a commit marker after its last record, which is never "consumed", so its target is
   * one below its end offset; {@code transactional} says which topics are such.
   */
  Run await(List<String> plainTopics, List<String> transactionalTopics, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long first = -1;
    long atFirst = 0;
    long cpuAtFirst = 0;
    String firstTopic = plainTopics.get(0);
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      long now = System.nanoTime();
      long inputCommitted = sum(committed, firstTopic);
      if (first < 0 && inputCommitted > 0) {
        first = now;
        atFirst = inputCommitted;
        cpuAtFirst = streamThreadCpuNanos();
      }
      if (first >= 0
          && reached(committed, plainTopics, 0)
          && reached(committed, transactionalTopics, 1)) {
        return new Run(first, now, atFirst, streamThreadCpuNanos() - cpuAtFirst);
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(group + " did not finish within " + timeout);
  }

  private boolean reached(
      Map<TopicPartition, OffsetAndMetadata> committed, List<String> topics, long markerSlack)
      throws Exception {
    if (topics.isEmpty()) {
      return true;
    }
    Map<TopicPartition, Long> ends = endOffsets(topics);
    for (var end : ends.entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      long target = end.getValue() - markerSlack;
      if (target > 0 && (offset == null || offset.offset() < target)) {
        return false;
      }
    }
    return true;
  }

  private Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
    var description = admin.describeTopics(topics).allTopicNames().get();
    Map<TopicPartition, OffsetSpec> request =
        description.values().stream()
            .flatMap(
                topic ->
                    topic.partitions().stream()
                        .map(p -> new TopicPartition(topic.name(), p.partition())))
            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    var options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
    return admin.listOffsets(request, options).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static long sum(Map<TopicPartition, OffsetAndMetadata> committed, String topic) {
    return committed.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic))
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  /**
   * CPU time of this application's stream threads (named after the application id): unlike wall
   * time, it hardly changes when other builds load this shared machine.
   */
  private long streamThreadCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null
          && info.getThreadName().startsWith(group)
          && info.getThreadName().contains("-StreamThread-")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  @Override
  public void close() {
    admin.close();
  }
}
