package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.registry.SchemaRegistryClient;
import io.tokenmeter.registry.SchemaRegistryClients;
import io.tokenmeter.serde.KafkaAvroSerializer;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.sink.writer.InsertPath;
import io.tokenmeter.sink.writer.JdbcRowWriter;
import io.tokenmeter.testenv.CommittedOffsets;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

@WithTokenmeterStack
class SinkEndToEndIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static SinkTopics topics(String run) {
    return new SinkTopics(
        "priced-" + run, "aggregates-" + run, "alerts-" + run, "unpriced-" + run, "dead-" + run);
  }

  private static SinkSettings.Builder settings(
      StackEndpoints stack, SinkTopics topics, String group) {
    return SinkSettings.builder()
        .bootstrapServers(stack.kafkaBootstrapServers())
        .schemaRegistryUrl(stack.schemaRegistryUrl())
        .clickHouseJdbcUrl(stack.clickHouseJdbcUrl())
        .groupId(group)
        .topics(topics)
        .maxBatchWait(Duration.ofMillis(200))
        .pollTimeout(Duration.ofMillis(50))
        .httpPort(SinkSettings.HTTP_PORT_ANY);
  }

  private static void createTopics(StackEndpoints stack, SinkTopics topics) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      List<NewTopic> newTopics = new ArrayList<>();
      for (String topic : topics.all()) {
        newTopics.add(new NewTopic(topic, 2, (short) 1));
      }
      admin.createTopics(newTopics).all().get();
    }
  }

  /** Produces Avro values (or raw bytes for poison) with the project's Confluent serializer. */
  private static final class Producer implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>();

    Producer(StackEndpoints stack) {
      producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", stack.kafkaBootstrapServers(), "acks", "all"),
              new ByteArraySerializer(),
              new ByteArraySerializer());
      serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    }

    void send(String topic, int partition, Object value) throws Exception {
      byte[] bytes = value instanceof byte[] raw ? raw : serializer.serialize(topic, value);
      producer.send(new ProducerRecord<>(topic, partition, null, bytes)).get();
    }

    @Override
    public void close() {
      producer.close();
      serializer.close();
    }
  }

  @Test
  void shouldStoreEveryTableExactlyAsProducedAndDeadLetterThePoisonInTheMiddle(StackEndpoints stack)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    SinkTopics topics = topics(run);
    createTopics(stack, topics);
    String tenant = "e2e-" + run;
    BigDecimal expectedTotal = BigDecimal.ZERO;
    try (Producer producer = new Producer(stack)) {
      for (int i = 0; i < 200; i++) {
        String cost = "0." + String.format("%012d", 1_000_000_007L * (i + 1) % 999_999_999_999L);
        expectedTotal = expectedTotal.add(new BigDecimal(cost));
        producer.send(
            topics.pricedUsage(), i % 2, SampleRecords.priced(tenant + "-" + i, tenant, cost));
        if (i == 100) {
          producer.send(topics.pricedUsage(), 0, new byte[] {9, 9, 9});
        }
      }
      for (long revision = 1; revision <= 3; revision++) {
        producer.send(
            topics.aggregates(), 0, SampleRecords.aggregate(tenant, revision, revision + ".25"));
      }
      producer.send(topics.budgetAlerts(), 0, SampleRecords.alert(tenant, 80));
      producer.send(topics.budgetAlerts(), 0, SampleRecords.alert(tenant, 80)); // a replay
      producer.send(topics.unpricedUsage(), 1, SampleRecords.unpriced(tenant + "-u", tenant));
      producer.send(topics.deadLetters(), 0, SampleRecords.deadLetter(77));
    }

    try (ClickHouseSink sink = ClickHouseSink.start(settings(stack, topics, "g-" + run).build());
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      String priced = " FROM tokenmeter_priced_usage WHERE tenant_id = '" + tenant + "'";
      ClickHouseReads.awaitTrue(
          TIMEOUT, "200 priced rows", () -> reads.count("SELECT count()" + priced) == 200);
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "dead letters",
          () ->
              reads.count(
                      "SELECT count() FROM tokenmeter_dead_letters WHERE kafka_topic IN ('"
                          + topics.pricedUsage()
                          + "', '"
                          + topics.deadLetters()
                          + "')")
                  == 2);
      // Each table is its own topic and consumer, so the priced rows being in says nothing about
      // the others: wait for every table before comparing.
      String ofTenant = " WHERE tenant_id = '" + tenant + "'";
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "aggregate revision 3",
          () ->
              reads.count("SELECT max(revision) FROM tokenmeter_usage_aggregates" + ofTenant) == 3);
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "budget alert",
          () -> reads.count("SELECT count() FROM tokenmeter_budget_alerts" + ofTenant) >= 1);
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "unpriced row",
          () -> reads.count("SELECT count() FROM tokenmeter_unpriced_usage" + ofTenant) >= 1);

      assertThat(reads.decimal("SELECT toString(sum(total_cost))" + priced))
          .isEqualByComparingTo(expectedTotal);
      assertThat(reads.count("SELECT uniqExact(event_id)" + priced)).isEqualTo(200);
      assertThat(
              reads.single(
                  "SELECT reason FROM tokenmeter_dead_letters WHERE kafka_topic = '"
                      + topics.pricedUsage()
                      + "'"))
          .isEqualTo("BAD_MAGIC_BYTE");
      assertThat(
              reads.single(
                  "SELECT concat(toString(revision), ' ', toString(total_cost))"
                      + " FROM tokenmeter_usage_aggregates FINAL WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualTo("3 3.25");
      assertThat(
              reads.count(
                  "SELECT count() FROM tokenmeter_budget_alerts FINAL WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualTo(1);
      assertThat(
              reads.single(
                  "SELECT reason FROM tokenmeter_unpriced_usage WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualTo("NO_MATCHING_MODEL");
      assertThat(
              reads.single(
                  "SELECT value_hex FROM tokenmeter_dead_letters WHERE kafka_topic = '"
                      + topics.deadLetters()
                      + "'"))
          .isEqualTo("01000000070a");
      assertThat(sink.metrics().deadLetters()).isEqualTo(1);
      // Counted once ClickHouse has answered the insert: just after the rows became visible.
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "the priced-rows counter",
          () -> sink.metrics().rowsWritten(SinkTable.PRICED_USAGE) >= 200);
      assertThat(sink.metrics().rowsWritten(SinkTable.PRICED_USAGE)).isEqualTo(200);
    }
  }

  @Test
  void shouldNotDoubleCountAfterACrashBetweenInsertAndCommit(StackEndpoints stack)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    SinkTopics topics = topics(run);
    createTopics(stack, topics);
    String tenant = "crash-" + run;
    try (Producer producer = new Producer(stack)) {
      for (int i = 0; i < 10; i++) {
        producer.send(
            topics.pricedUsage(), 0, SampleRecords.priced(tenant + "-" + i, tenant, "0.1"));
      }
    }
    SinkSettings settings = settings(stack, topics, "g-" + run).maxBatchRows(4).build();
    ClickHouseSink.migrate(settings, Clock.systemUTC());
    // The crashed sink: offsets 0..5 of partition 0 written to ClickHouse, nothing committed.
    try (SchemaRegistryClient registry =
            SchemaRegistryClients.create(settings.consumerProperties());
        RecordConverter converter =
            new RecordConverter(
                topics,
                registry,
                settings.consumerProperties(),
                new ErrorClassifier(),
                Clock.systemUTC());
        JdbcRowWriter writer =
            new JdbcRowWriter(
                DriverManager.getConnection(stack.clickHouseJdbcUrl()), InsertPath.VALUES);
        org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> reader =
            new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                Map.of(
                    "bootstrap.servers",
                    stack.kafkaBootstrapServers(),
                    "group.id",
                    "peek-" + run,
                    "auto.offset.reset",
                    "earliest",
                    "enable.auto.commit",
                    "false"),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      reader.assign(Set.of(new org.apache.kafka.common.TopicPartition(topics.pricedUsage(), 0)));
      List<Row> rows = new ArrayList<>();
      while (rows.size() < 6) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
          if (rows.size() < 6) {
            rows.add(converter.convert(record));
          }
        }
      }
      writer.insert(SinkTable.PRICED_USAGE, rows, "crashed-sink/" + run + "/0-5");
    }

    try (ClickHouseSink sink = ClickHouseSink.start(settings);
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      String priced = " FROM tokenmeter_priced_usage WHERE tenant_id = '" + tenant + "'";
      ClickHouseReads.awaitTrue(
          TIMEOUT, "10 rows", () -> reads.count("SELECT count()" + priced) >= 10);
      CommittedOffsets.awaitAtEnd(
          stack.kafkaBootstrapServers(), "g-" + run, topics.pricedUsage(), TIMEOUT);
      assertThat(reads.count("SELECT count()" + priced)).isEqualTo(10);
      assertThat(reads.count("SELECT uniqExact(event_id)" + priced)).isEqualTo(10);
      assertThat(sink.metrics().recordsSkippedAsWritten()).isEqualTo(6);
    }
  }
}
