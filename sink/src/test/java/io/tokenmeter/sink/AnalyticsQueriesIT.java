package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every SQL statement of docs/analytics.md runs, and some give known answers on a fixture. */
@WithTokenmeterStack
class AnalyticsQueriesIT {

  private static final Path DOC = Path.of("..", "docs", "analytics.md");
  private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

  @Test
  void shouldRunEveryDocumentedQueryAndAnswerKnownValuesOnAFixture(StackEndpoints stack)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String tenant = "analytics-" + run;
    SinkTopics topics =
        new SinkTopics("ap-" + run, "aa-" + run, "ab-" + run, "au-" + run, "ad-" + run);
    ClickHouseSink.migrate(
        SinkSettings.builder()
            .bootstrapServers(stack.kafkaBootstrapServers())
            .schemaRegistryUrl(stack.schemaRegistryUrl())
            .clickHouseJdbcUrl(stack.clickHouseJdbcUrl())
            .build(),
        Clock.systemUTC());
    // A minute ago, but never in the previous month: the month-to-date query must see it.
    Instant started = Instant.now();
    Instant monthStart =
        YearMonth.from(started.atZone(ZoneOffset.UTC))
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    Instant recent =
        Collections.max(List.of(started.minus(1, ChronoUnit.MINUTES), monthStart))
            .truncatedTo(ChronoUnit.MILLIS);
    String[] costs = {"0.000000000001", "2.5", "0.333333333333"};
    BigDecimal total = BigDecimal.ZERO;
    try (AvroBytes avro = new AvroBytes("analytics-" + run);
        RecordConverter converter =
            new RecordConverter(
                topics,
                avro.registry(),
                avro.serdeConfigs(),
                new ErrorClassifier(),
                Clock.systemUTC());
        JdbcRowWriter writer =
            new JdbcRowWriter(
                DriverManager.getConnection(stack.clickHouseJdbcUrl()), InsertPath.VALUES)) {
      List<Row> priced = new ArrayList<>();
      for (int i = 0; i < costs.length; i++) {
        PricedUsage sample = SampleRecords.priced(tenant + "-" + i, tenant, costs[i]);
        PricedUsage now =
            PricedUsage.newBuilder(sample)
                .setEvent(UsageEvent.newBuilder(sample.getEvent()).setEventTime(recent).build())
                .build();
        priced.add(convert(converter, avro, topics.pricedUsage(), i, now));
        total = total.add(new BigDecimal(costs[i]));
      }
      writer.insert(SinkTable.PRICED_USAGE, priced, "analytics/" + run + "/priced");
      UnpricedUsage waiting = SampleRecords.unpriced(tenant + "-waiting", tenant);
      UnpricedUsage parked = SampleRecords.unpriced(tenant + "-0", tenant); // priced above
      // The processor's record when it priced the parked event 90 s after first seeing it.
      UnpricedUsage priceFound =
          UnpricedUsage.newBuilder(parked)
              .setLastAttemptAt(parked.getFirstSeen().plusSeconds(90))
              .build();
      ConsumerRecord<byte[], byte[]> resolved = record(avro, topics.unpricedUsage(), 2, priceFound);
      resolved.headers().add(UnpricedStatus.STATUS_HEADER, utf8(UnpricedStatus.RESOLVED));
      resolved.headers().add(UnpricedStatus.PRICE_VERSION_HEADER, utf8("v-" + run));
      writer.insert(
          SinkTable.UNPRICED_USAGE,
          List.of(
              convert(converter, avro, topics.unpricedUsage(), 0, waiting),
              convert(converter, avro, topics.unpricedUsage(), 1, parked),
              converter.convert(resolved)),
          "analytics/" + run + "/unpriced");
    }

    try (ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      List<String> queries = documentedQueries();
      assertThat(queries).hasSizeGreaterThanOrEqualTo(15);
      for (String query : queries) {
        reads.column(query); // fails the test with the query text if it does not run
      }
      assertThat(
              reads.decimal(
                  "SELECT toString(cost_usd) FROM ("
                      + queries.get(0)
                      + ") WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualByComparingTo(total);
      assertThat(
              reads.decimal(
                  "SELECT toString(max(cumulative_usd)) FROM ("
                      + queryContaining(queries, "cumulative_usd")
                      + ") WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualByComparingTo(total);
      assertThat(
              reads.count(
                  "SELECT events FROM ("
                      + queryContaining(queries, "tokenmeter_unpriced_usage")
                      + ") WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualTo(1);
      assertThat(
              reads.single(
                  "SELECT concat(toString(events), '|', toString(max_wait_s)) FROM ("
                      + queryContaining(queries, "median_wait_s")
                      + ") WHERE resolved_price_version_id = 'v-"
                      + run
                      + "'"))
          .isEqualTo("1|90");
      assertThat(
              reads.decimal(
                  "SELECT toString(month_to_date_usd) FROM ("
                      + queryContaining(queries, "projected_month_usd")
                      + ") WHERE tenant_id = '"
                      + tenant
                      + "'"))
          .isEqualByComparingTo(total);
    }
  }

  private static Row convert(
      RecordConverter converter, AvroBytes avro, String topic, long offset, Object record) {
    return converter.convert(record(avro, topic, offset, record));
  }

  private static ConsumerRecord<byte[], byte[]> record(
      AvroBytes avro, String topic, long offset, Object record) {
    return new ConsumerRecord<>(topic, 0, offset, null, avro.bytes(topic, record));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String queryContaining(List<String> queries, String text) {
    return queries.stream().filter(q -> q.contains(text)).findFirst().orElseThrow();
  }

  private static List<String> documentedQueries() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> queries = new ArrayList<>();
    Matcher block = SQL_BLOCK.matcher(doc);
    while (block.find()) {
      for (String statement : block.group(1).split(";\\s*\\n")) {
        String code = statement.replaceAll("(?m)^\\s*--.*$", "").strip();
        if (!code.isEmpty()) {
          queries.add(code);
        }
      }
    }
    return queries;
  }
}
