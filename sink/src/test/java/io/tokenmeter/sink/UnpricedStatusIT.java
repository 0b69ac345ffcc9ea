package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.serde.KafkaAvroSerializer;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.fixtures.AvroBytes;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.sink.row.UnpricedStatus;
import io.tokenmeter.sink.writer.InsertPath;
import io.tokenmeter.sink.writer.JdbcRowWriter;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The unpriced table tells which events still wait for a price: the processor's RESOLVED record
 * wins over the event's UNPRICED one, and a record without the status header counts as waiting.
 */
@WithTokenmeterStack
class UnpricedStatusIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Instant PARKED_AT = Instant.parse("2026-03-14T09:26:54.001Z");
  private static final Instant PRICED_AT = Instant.parse("2026-03-14T11:00:00.250Z");
  private static final String PRICE_VERSION = "anthropic/claude-sonnet-4-5/standard/global/v2";

  @ParameterizedTest
  @EnumSource(InsertPath.class)
  void shouldKeepTheResolvedRecordOfAnEventAndCountOnlyTheRestAsWaiting(
      InsertPath path, StackEndpoints stack) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String tenant = "status-" + run;
    SinkTopics topics =
        new SinkTopics("sp-" + run, "sa-" + run, "sb-" + run, "su-" + run, "sd-" + run);
    createTopics(stack, topics);
    try (KafkaProducer<byte[], byte[]> producer = producer(stack);
        KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>()) {
      serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      String topic = topics.unpricedUsage();
      // In the processor's order, on one partition (the topic is keyed by tenant).
      List<ProducerRecord<byte[], byte[]>> records =
          List.of(
              record(topic, serializer, parked(tenant + "-resolved", PARKED_AT), unpriced()),
              record(topic, serializer, parked(tenant + "-waiting", PARKED_AT), unpriced()),
              record(topic, serializer, parked(tenant + "-legacy", PARKED_AT)),
              record(topic, serializer, parked(tenant + "-tie", PRICED_AT), unpriced()),
              record(topic, serializer, parked(tenant + "-resolved", PRICED_AT), resolved()),
              // Priced in the millisecond it was parked: the row written last wins the tie.
              record(topic, serializer, parked(tenant + "-tie", PRICED_AT), resolved()));
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record).get();
      }
    }

    SinkSettings settings =
        SinkSettings.builder()
            .bootstrapServers(stack.kafkaBootstrapServers())
            .schemaRegistryUrl(stack.schemaRegistryUrl())
            .clickHouseJdbcUrl(stack.clickHouseJdbcUrl())
            .groupId("g-" + run)
            .topics(topics)
            .insertPath(path)
            .maxBatchWait(Duration.ofMillis(200))
            .pollTimeout(Duration.ofMillis(50))
            .httpPort(SinkSettings.HTTP_PORT_ANY)
            .build();
    try (ClickHouseSink sink = ClickHouseSink.start(settings);
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "6 unpriced rows written",
          () -> sink.metrics().rowsWritten(SinkTable.UNPRICED_USAGE) == 6);
      String ofTenant = " FROM tokenmeter_unpriced_usage FINAL WHERE tenant_id = '" + tenant + "'";

      assertThat(
              reads.column(
                  "SELECT concat(event_id, '|', status, '|', toString(last_attempt_at), '|',"
                      + " ifNull(toString(resolved_at), 'NULL'), '|',"
                      + " ifNull(resolved_price_version_id, 'NULL'))"
                      + ofTenant
                      + " ORDER BY event_id"))
          .containsExactly(
              tenant + "-legacy|UNPRICED|2026-03-14 09:26:54.001|NULL|NULL",
              tenant
                  + "-resolved|RESOLVED|2026-03-14 11:00:00.250|2026-03-14 11:00:00.250|"
                  + PRICE_VERSION,
              tenant
                  + "-tie|RESOLVED|2026-03-14 11:00:00.250|2026-03-14 11:00:00.250|"
                  + PRICE_VERSION,
              tenant + "-waiting|UNPRICED|2026-03-14 09:26:54.001|NULL|NULL");
      assertThat(reads.count("SELECT count()" + ofTenant + " AND status = 'UNPRICED'"))
          .isEqualTo(2);
      assertThat(sink.metrics().deadLetters()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(InsertPath.class)
  void shouldStillDropABlockResentWithItsTokenAfterTheStatusColumnsWereAdded(
      InsertPath path, StackEndpoints stack) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String tenant = "resend-" + run;
    SinkTopics topics =
        new SinkTopics("rp-" + run, "ra-" + run, "rb-" + run, "ru-" + run, "rd-" + run);
    ClickHouseSink.migrate(
        SinkSettings.builder()
            .bootstrapServers(stack.kafkaBootstrapServers())
            .schemaRegistryUrl(stack.schemaRegistryUrl())
            .clickHouseJdbcUrl(stack.clickHouseJdbcUrl())
            .build(),
        Clock.systemUTC());
    try (AvroBytes avro = new AvroBytes("status-it-" + run);
        RecordConverter converter =
            new RecordConverter(
                topics,
                avro.registry(),
                avro.serdeConfigs(),
                new ErrorClassifier(),
                Clock.systemUTC());
        JdbcRowWriter writer =
            new JdbcRowWriter(DriverManager.getConnection(stack.clickHouseJdbcUrl()), path);
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      String topic = topics.unpricedUsage();
      Row first = convert(converter, avro, topic, 0, parked(tenant + "-a", PARKED_AT), resolved());
      Row other = convert(converter, avro, topic, 1, parked(tenant + "-b", PARKED_AT));

      writer.insert(SinkTable.UNPRICED_USAGE, List.of(first), "it/" + run + "/0-0");
      // Same token, other content: only a dropped block keeps event -b out of the table (a merge
      // could hide a duplicate of the same event, never a different event).
      writer.insert(SinkTable.UNPRICED_USAGE, List.of(other), "it/" + run + "/0-0");

      assertThat(
              reads.column(
                  "SELECT concat(event_id, '|', status) FROM tokenmeter_unpriced_usage"
                      + " WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .containsExactly(tenant + "-a|RESOLVED");
    }
  }

  private static UnpricedUsage parked(String eventId, Instant lastAttemptAt) {
    String tenant = eventId.substring(0, eventId.lastIndexOf('-'));
    return UnpricedUsage.newBuilder(SampleRecords.unpriced(eventId, tenant))
        .setLastAttemptAt(lastAttemptAt)
        .build();
  }

  private static List<Header> unpriced() {
    return List.of(header(UnpricedStatus.STATUS_HEADER, UnpricedStatus.UNPRICED));
  }

  private static List<Header> resolved() {
    return List.of(
        header(UnpricedStatus.STATUS_HEADER, UnpricedStatus.RESOLVED),
        header(UnpricedStatus.PRICE_VERSION_HEADER, PRICE_VERSION));
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static ProducerRecord<byte[], byte[]> record(
      String topic, KafkaAvroSerializer<Object> serializer, UnpricedUsage value) {
    return record(topic, serializer, value, List.of());
  }

  private static ProducerRecord<byte[], byte[]> record(
      String topic,
      KafkaAvroSerializer<Object> serializer,
      UnpricedUsage value,
      List<Header> headers) {
    return new ProducerRecord<>(
        topic, 0, null, null, serializer.serialize(topic, value), List.copyOf(headers));
  }

  private static Row convert(
      RecordConverter converter, AvroBytes avro, String topic, long offset, UnpricedUsage value) {
    return convert(converter, avro, topic, offset, value, List.of());
  }

  private static Row convert(
      RecordConverter converter,
      AvroBytes avro,
      String topic,
      long offset,
      UnpricedUsage value,
      List<Header> headers) {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(topic, 0, offset, null, avro.bytes(topic, value));
    headers.forEach(header -> record.headers().add(header));
    return converter.convert(record);
  }

  private static KafkaProducer<byte[], byte[]> producer(StackEndpoints stack) {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", stack.kafkaBootstrapServers(), "acks", "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static void createTopics(StackEndpoints stack, SinkTopics topics) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin
          .createTopics(topics.all().stream().map(t -> new NewTopic(t, 1, (short) 1)).toList())
          .all()
          .get();
    }
  }
}
