package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProduceConsumeIT {

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.builder().defaultPartitions(2).build().start();
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void shouldReadBackExactlyWhatWasProducedInOrderPerKey() throws Exception {
    String topic = "round-trip";
    kafka.createTopics(List.of(new NewTopic(topic, 3, (short) 1)));
    Map<String, List<String>> sent = new LinkedHashMap<>();
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String key = "key-" + (i % 7);
      String value = "value-" + i + "-" + "x".repeat(i % 50);
      records.add(new ProducerRecord<>(topic, key, value));
      sent.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    TestClients.produce(kafka.bootstrapServers(), records);

    List<ConsumerRecord<String, String>> received =
        TestClients.consumeFromBeginning(
            kafka.bootstrapServers(), topic, records.size(), "read_uncommitted");

    Map<String, List<String>> receivedByKey = new LinkedHashMap<>();
    received.forEach(
        r -> receivedByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
    assertThat(receivedByKey).isEqualTo(sent);
  }

  @Test
  void shouldCreateTopicsWithTheDefaultPartitionsAndKeepExistingOnes() throws Exception {
    kafka.createTopics("defaults");
    kafka.createTopics(List.of(new NewTopic("defaults", 5, (short) 1)));

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicDescription description =
          admin.describeTopics(Set.of("defaults")).allTopicNames().get().get("defaults");
      assertThat(description.partitions()).hasSize(2);
    }
  }

  @Test
  void shouldReportWhereItRuns() {
    assertThat(kafka.isRunning()).isTrue();
    assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
    assertThat(kafka.clusterId()).hasSize(22);
    assertThat(kafka.startupDuration()).isPresent();
  }
}
