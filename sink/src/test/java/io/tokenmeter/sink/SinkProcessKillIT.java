package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.serde.KafkaAvroSerializer;
import io.tokenmeter.sink.config.SinkSettingsLoader;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.testenv.CommittedOffsets;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.io.File;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The sink as its own process, killed with SIGKILL (no shutdown hook, no final commit) while it is
 * writing, then started again: every record is in ClickHouse exactly once.
 */
@WithTokenmeterStack
class SinkProcessKillIT {

  private static final int RECORDS = 2_000;

  @Test
  void shouldStoreEveryRecordOnceWhenTheSinkIsKilledMidStreamAndRestarted(StackEndpoints stack)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String tenant = "kill-" + run;
    String topic = "kp-" + run;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 2, (short) 1),
                  new NewTopic("ka-" + run, 1, (short) 1),
                  new NewTopic("kb-" + run, 1, (short) 1),
                  new NewTopic("ku-" + run, 1, (short) 1),
                  new NewTopic("kd-" + run, 1, (short) 1)))
          .all()
          .get();
    }
    BigDecimal expected = BigDecimal.ZERO;
    try (KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers(), "linger.ms", "5"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>()) {
      serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      for (int i = 0; i < RECORDS; i++) {
        String cost = "0.0000" + (10_000_000 + i);
        expected = expected.add(new BigDecimal(cost));
        byte[] value =
            serializer.serialize(topic, SampleRecords.priced(tenant + "-" + i, tenant, cost));
        producer.send(new ProducerRecord<>(topic, i % 2, null, value));
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(SinkSettingsLoader.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
    settings.put(SinkSettingsLoader.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    settings.put(SinkSettingsLoader.CLICKHOUSE_URL, stack.clickHouseJdbcUrl());
    settings.put(SinkSettingsLoader.GROUP_ID, "g-" + run);
    settings.put(SinkSettingsLoader.TOPIC_PRICED_USAGE, topic);
    settings.put(SinkSettingsLoader.TOPIC_AGGREGATES, "ka-" + run);
    settings.put(SinkSettingsLoader.TOPIC_BUDGET_ALERTS, "kb-" + run);
    settings.put(SinkSettingsLoader.TOPIC_UNPRICED_USAGE, "ku-" + run);
    settings.put(SinkSettingsLoader.TOPIC_DEAD_LETTERS, "kd-" + run);
    settings.put(SinkSettingsLoader.BATCH_MAX_ROWS, "100");
    settings.put(SinkSettingsLoader.BATCH_MAX_WAIT_MS, "50");
    settings.put("kafka.max.poll.records", "100");
    settings.put(SinkSettingsLoader.HTTP_PORT, "0"); // not 8082: other builds on this host
    Properties file = new Properties();
    file.putAll(settings);
    Path properties = Files.createTempFile("sink-kill-", ".properties");
    try (Writer writer = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
      file.store(writer, "SinkProcessKillIT");
    }
    // The tables must exist before the test polls them (the sink process creates them too).
    ClickHouseSink.migrate(SinkSettingsLoader.load(settings, Map.of()), Clock.systemUTC());

    try (ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      String priced = " FROM tokenmeter_priced_usage WHERE tenant_id = '" + tenant + "'";
      Process first = startSink(properties);
      try {
        ClickHouseReads.awaitTrue(
            Duration.ofSeconds(90),
            "the sink to be mid-stream",
            () -> reads.count("SELECT count()" + priced) >= 200);
      } finally {
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no final commit
      }
      long atKill = reads.count("SELECT count()" + priced);

      Process second = startSink(properties);
      try {
        ClickHouseReads.awaitTrue(
            Duration.ofSeconds(90),
            RECORDS + " rows",
            () -> reads.count("SELECT count()" + priced) >= RECORDS);
        CommittedOffsets.awaitAtEnd(
            stack.kafkaBootstrapServers(), "g-" + run, topic, Duration.ofSeconds(90));
      } finally {
        second.destroyForcibly().waitFor();
      }
      assertThat(atKill).as("killed before the end").isLessThan(RECORDS);
      assertThat(reads.count("SELECT count()" + priced)).isEqualTo(RECORDS);
      assertThat(reads.count("SELECT uniqExact(event_id)" + priced)).isEqualTo(RECORDS);
      assertThat(reads.decimal("SELECT toString(sum(total_cost))" + priced))
          .isEqualByComparingTo(expected);
    }
    Files.deleteIfExists(properties);
    Files.deleteIfExists(Path.of(properties + ".log"));
  }

  private static Process startSink(Path properties) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            SinkMain.class.getName(),
            properties.toString())
        .redirectErrorStream(true)
        .redirectOutput(new File(properties + ".log"))
        .start();
  }
}
