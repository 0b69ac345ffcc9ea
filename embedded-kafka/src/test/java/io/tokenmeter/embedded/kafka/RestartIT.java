package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartIT {

  private static final String TOPIC = "durable";
  private static final String GROUP = "durable-readers";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  private static final int RECORDS = 200;
  private static final long COMMITTED = 73;

  @Test
  void shouldKeepTopicsRecordsAndCommittedOffsetsAcrossANewBrokerOnTheSameDataDir(
      @TempDir Path dataDir) throws Exception {
    List<String> sent = new ArrayList<>();
    int firstPort;
    String firstClusterId;
    try (EmbeddedKafka first = EmbeddedKafka.builder().dataDir(dataDir).build().start()) {
      first.createTopics(TOPIC);
      List<ProducerRecord<String, String>> records = new ArrayList<>();
      for (int i = 0; i < RECORDS; i++) {
        records.add(new ProducerRecord<>(TOPIC, "k" + i, "v" + i));
        sent.add("v" + i);
      }
      TestClients.produce(first.bootstrapServers(), records);
      commit(first.bootstrapServers(), COMMITTED);
      firstPort = first.port();
      firstClusterId = first.clusterId();
    }

    try (EmbeddedKafka second = EmbeddedKafka.builder().dataDir(dataDir).build().start()) {
      assertThat(second.clusterId()).isEqualTo(firstClusterId);
      assertThat(second.port()).as("port 0 reuses the previous port").isEqualTo(firstPort);
      assertThat(valuesFromBeginning(second)).isEqualTo(sent);
      assertThat(committedOffset(second.bootstrapServers())).isEqualTo(COMMITTED);
      assertThat(firstValueReadByGroup(second.bootstrapServers())).isEqualTo("v" + COMMITTED);
    }
    assertThat(dataDir).as("a persistent data dir is kept on close").isNotEmptyDirectory();
  }

  @Test
  void shouldKeepRecordsWhenTheSameInstanceRestarts() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
      kafka.createTopics(TOPIC);
      TestClients.produce(
          kafka.bootstrapServers(), List.of(new ProducerRecord<>(TOPIC, "only", "before-restart")));
      int port = kafka.port();

      kafka.restart();

      assertThat(kafka.port()).isEqualTo(port);
      assertThat(valuesFromBeginning(kafka)).containsExactly("before-restart");
    }
  }

  private static List<String> valuesFromBeginning(EmbeddedKafka kafka) {
    try (KafkaConsumer<String, String> consumer =
        TestClients.consumer(kafka.bootstrapServers(), "unused", "read_committed")) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
      List<String> values = new ArrayList<>();
      TestClients.pollUntil(
          () -> {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
              values.add(r.value());
            }
            return consumer.position(PARTITION) >= end;
          },
          "reading " + TOPIC + " to its end");
      return values;
    }
  }

  private static void commit(String bootstrap, long offset) {
    try (KafkaConsumer<String, String> consumer =
        TestClients.consumer(bootstrap, GROUP, "read_committed")) {
      consumer.assign(List.of(PARTITION));
      consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(offset)));
    }
  }

  private static long committedOffset(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      return admin
          .listConsumerGroupOffsets(GROUP)
          .partitionsToOffsetAndMetadata()
          .get()
          .get(PARTITION)
          .offset();
    }
  }

  private static String firstValueReadByGroup(String bootstrap) {
    try (KafkaConsumer<String, String> consumer =
        TestClients.consumer(bootstrap, GROUP, "read_committed")) {
      consumer.subscribe(List.of(TOPIC));
      List<String> values = new ArrayList<>();
      TestClients.pollUntil(
          () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            return !values.isEmpty();
          },
          "group " + GROUP + " resuming");
      return values.getFirst();
    }
  }
}
