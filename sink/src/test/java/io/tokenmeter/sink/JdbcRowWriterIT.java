package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.fixtures.AvroBytes;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.sink.writer.InsertPath;
import io.tokenmeter.sink.writer.JdbcRowWriter;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@WithTokenmeterStack
class JdbcRowWriterIT {

  @ParameterizedTest
  @EnumSource(InsertPath.class)
  void shouldStoreRowsExactlyAndABlockResentWithItsTokenOnce(InsertPath path, StackEndpoints stack)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    SinkTopics topics = new SinkTopics("p-" + run, "a-" + run, "b-" + run, "u-" + run, "d-" + run);
    String tenant = "tenant-" + run;
    ClickHouseSink.migrate(settings(stack), Clock.systemUTC());
    try (AvroBytes avro = new AvroBytes("writer-it-" + run);
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
      List<Row> rows = new ArrayList<>();
      BigDecimal expectedTotal = BigDecimal.ZERO;
      String[] costs = {"0.000000000001", "12345678901234567890123456.999999999999", "1.5"};
      for (int i = 0; i < costs.length; i++) {
        var priced = SampleRecords.priced("e-" + run + "-" + i, tenant, costs[i]);
        rows.add(
            converter.convert(
                record(topics.pricedUsage(), i, avro.bytes(topics.pricedUsage(), priced))));
        expectedTotal = expectedTotal.add(new BigDecimal(costs[i]));
      }

      writer.insert(SinkTable.PRICED_USAGE, rows, "it/" + run + "/0-2");
      writer.insert(SinkTable.PRICED_USAGE, rows, "it/" + run + "/0-2");

      String where =
          " FROM tokenmeter_priced_usage WHERE kafka_topic = '" + topics.pricedUsage() + "'";
      assertThat(reads.count("SELECT count()" + where)).isEqualTo(3);
      assertThat(reads.decimal("SELECT toString(sum(total_cost))" + where))
          .isEqualByComparingTo(expectedTotal);
      assertThat(reads.column("SELECT toString(total_cost)" + where + " ORDER BY kafka_offset"))
          .containsExactly("0.000000000001", "12345678901234567890123456.999999999999", "1.5");
      assertThat(reads.single("SELECT toString(tags['quote'])" + where + " LIMIT 1"))
          .isEqualTo("it's \\ fine");
      assertThat(reads.single("SELECT toUnixTimestamp64Milli(event_time)" + where + " LIMIT 1"))
          .isEqualTo(Long.toString(SampleRecords.EVENT_TIME.toEpochMilli()));
      assertThat(
              reads.single(
                  "SELECT toString(cost_other_units['web_search_calls'])" + where + " LIMIT 1"))
          .isEqualTo("0.01");
      assertThat(reads.single("SELECT isNull(region)" + where + " LIMIT 1")).isEqualTo("1");
      assertThat(
              reads.count(
                  "SELECT sum(event_count) FROM tokenmeter_daily_cost_by_tenant_model WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .as("the rollup view must not count the dropped duplicate block")
          .isEqualTo(3);
      assertThat(writer.highestOffset(SinkTable.PRICED_USAGE, topics.pricedUsage(), 4)).hasValue(2);
      assertThat(writer.highestOffset(SinkTable.PRICED_USAGE, topics.pricedUsage(), 5)).isEmpty();

      writer.insert(
          SinkTable.AGGREGATES,
          List.of(
              convert(
                  converter,
                  avro,
                  topics.aggregates(),
                  0,
                  SampleRecords.aggregate(tenant, 1, "1.25")),
              convert(
                  converter,
                  avro,
                  topics.aggregates(),
                  1,
                  SampleRecords.aggregate(tenant, 2, "2.000000000007"))),
          "it/" + run + "/aggregates");
      assertThat(
              reads.single(
                  "SELECT concat(toString(revision), '|', toString(total_cost), '|', workflow_id, '|',"
                      + " toString(event_count), '|', window_size) FROM tokenmeter_usage_aggregates FINAL"
                      + " WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualTo("2|2.000000000007||2|HOUR");

      writer.insert(
          SinkTable.BUDGET_ALERTS,
          List.of(
              convert(converter, avro, topics.budgetAlerts(), 0, SampleRecords.alert(tenant, 80))),
          "it/" + run + "/alerts");
      assertThat(
              reads.single(
                  "SELECT concat(toString(threshold_percent), '|', toString(spend_usd), '|',"
                      + " toString(isNull(projected_spend_usd)), '|', scope_kind, '|', kind)"
                      + " FROM tokenmeter_budget_alerts WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualTo("80|80.000000000001|1|TENANT|THRESHOLD");

      writer.insert(
          SinkTable.UNPRICED_USAGE,
          List.of(
              convert(
                  converter,
                  avro,
                  topics.unpricedUsage(),
                  0,
                  SampleRecords.unpriced("u-" + run, tenant))),
          "it/" + run + "/unpriced");
      assertThat(
              reads.single(
                  "SELECT concat(reason, '|', toString(input_tokens), '|', toString(tags['env']))"
                      + " FROM tokenmeter_unpriced_usage WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualTo("NO_MATCHING_MODEL|10|prod");

      writer.insert(
          SinkTable.DEAD_LETTERS,
          List.of(
              convert(converter, avro, topics.deadLetters(), 0, SampleRecords.deadLetter(99)),
              converter.convert(record(topics.pricedUsage(), 3, new byte[] {5, 5}))),
          "it/" + run + "/dead");
      assertThat(
              reads.column(
                  "SELECT concat(reason, '|', ifNull(value_hex, 'NULL'), '|', toString(original_offset), '|', stage)"
                      + " FROM tokenmeter_dead_letters WHERE kafka_topic IN ('"
                      + topics.deadLetters()
                      + "', '"
                      + topics.pricedUsage()
                      + "') ORDER BY original_offset"))
          .containsExactly(
              "BAD_MAGIC_BYTE|0505|3|sink/tokenmeter_priced_usage",
              "BAD_MAGIC_BYTE|01000000070a|99|stream-processor/deserialize");
    }
  }

  @ParameterizedTest
  @EnumSource(InsertPath.class)
  void shouldLeaveAReplayInsideOneBatchToTheMergeSoFinalReadsItOnce(
      InsertPath path, StackEndpoints stack) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    SinkTopics topics = new SinkTopics("p-" + run, "a-" + run, "b-" + run, "u-" + run, "d-" + run);
    ClickHouseSink.migrate(settings(stack), Clock.systemUTC());
    try (AvroBytes avro = new AvroBytes("writer-replay-" + run);
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
      var sample = SampleRecords.priced("e-" + run, "tenant-" + run, "2.5");
      // A month no other test writes: background merges only combine parts of one partition, so
      // nothing merges this block away before it is counted.
      Instant alone =
          Instant.parse("1990-01-15T00:00:00Z")
              .atZone(ZoneOffset.UTC)
              .plusMonths(Math.floorMod(run.hashCode(), 360))
              .toInstant();
      PricedUsage replayed =
          PricedUsage.newBuilder(sample)
              .setEvent(UsageEvent.newBuilder(sample.getEvent()).setEventTime(alone).build())
              .build();

      writer.insert(
          SinkTable.PRICED_USAGE,
          List.of(
              convert(converter, avro, topics.pricedUsage(), 0, replayed),
              convert(converter, avro, topics.pricedUsage(), 1, replayed)),
          "it/" + run + "/replay");

      String where = " WHERE kafka_topic = '" + topics.pricedUsage() + "'";
      // optimize_on_insert = 0 reached the engine: the block was not merged with itself.
      assertThat(reads.count("SELECT count() FROM tokenmeter_priced_usage" + where)).isEqualTo(2);
      assertThat(reads.count("SELECT count() FROM tokenmeter_priced_usage FINAL" + where))
          .isEqualTo(1);
    }
  }

  private static Row convert(
      RecordConverter converter, AvroBytes avro, String topic, long offset, Object value) {
    return converter.convert(record(topic, offset, avro.bytes(topic, value)));
  }

  private static ConsumerRecord<byte[], byte[]> record(String topic, long offset, byte[] value) {
    return new ConsumerRecord<>(topic, 4, offset, null, value);
  }

  private static SinkSettings settings(StackEndpoints stack) {
    return SinkSettings.builder()
        .bootstrapServers(stack.kafkaBootstrapServers())
        .schemaRegistryUrl(stack.schemaRegistryUrl())
        .clickHouseJdbcUrl(stack.clickHouseJdbcUrl())
        .build();
  }
}
