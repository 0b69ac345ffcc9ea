package io.tokenmeter.sink;

import java.time.Duration;
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
 * batch is in ClickHouse, so from then on nothing of the topic is in flight: a count read after it
 * is final, where a sleep could end before a duplicate batch landed.
 */
final class CommittedOffsets {
  private CommittedOffsets() {}

  static void awaitAtEnd(String bootstrapServers, String group, String topic, Duration timeout)
      throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      Map<TopicPartition, OffsetSpec> latest =
          admin
              .describeTopics(java.util.List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
      ClickHouseReads.awaitTrue(
          timeout,
          "group " + group + " to commit " + topic + " to its end " + ends,
          () -> committedToEnd(admin, group, ends));
    }
  }

  private static boolean committedToEnd(
      Admin admin, String group, Map<TopicPartition, ListOffsetsResultInfo> ends) {
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false; // the group may not exist yet
    }
    return ends.entrySet().stream()
        .allMatch(
            end -> {
              OffsetAndMetadata at = committed.get(end.getKey());
              long position = at == null ? 0 : at.offset();
              return position >= end.getValue().offset();
            });
  }
}
