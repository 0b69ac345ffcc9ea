package io.tokenmeter.testenv;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a consumer group has committed a topic up to its end. The sink commits only after a
 * batch is in ClickHouse, and the processor commits its input offsets in the transaction of its
 * outputs: from then on nothing of the topic is in flight, so what a test reads after it is final,
 * where a sleep could end before a duplicate landed. For a topic written without transactions (a
 * transactional one ends in a marker a group may never commit past).
 */
public final class CommittedOffsets {
  private CommittedOffsets() {}

  public static void awaitAtEnd(
      String bootstrapServers, String group, String topic, Duration timeout)
      throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      Map<TopicPartition, OffsetSpec> latest =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!committedToEnd(admin, group, ends)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "timed out after "
                  + timeout
                  + " waiting for group "
                  + group
                  + " to commit "
                  + topic
                  + " to its end "
                  + ends);
        }
        Thread.sleep(100);
      }
    }
  }

  private static boolean committedToEnd(
      Admin admin, String group, Map<TopicPartition, ListOffsetsResultInfo> ends)
      throws InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    } catch (ExecutionException e) {
      return false; // the group may not exist yet
    }
    return ends.entrySet().stream()
        .allMatch(
            end -> {
              OffsetAndMetadata at = committed.get(end.getKey());
              return (at == null ? 0 : at.offset()) >= end.getValue().offset();
            });
  }
}
