package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows per second into the priced usage table through each insert path, and a raw {@code INSERT ...
 * FORMAT RowBinary} of the same rows (bodies built before timing) through the same endpoint. Sizes:
 * {@code -Dsink.bench.rows} (default 30,000) x {@code -Dsink.bench.rounds} (3) in batches of {@code
 * -Dsink.bench.batch} (default 10,000). Results go to the log and to target/sink-throughput.txt.
 * Opt-in, it takes a minute: {@code -Dsink.bench=true}.
 */
@WithTokenmeterStack
@EnabledIfSystemProperty(named = "sink.bench", matches = "true")
class SinkThroughputIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(SinkThroughputIT.class);
  private static final int ROWS = Integer.getInteger("sink.bench.rows", 30_000);
  private static final int ROUNDS = Integer.getInteger("sink.bench.rounds", 3);
  private static final int BATCH = Integer.getInteger("sink.bench.batch", 10_000);

  @Test
  void shouldMeasureEachInsertPathAgainstARawRowBinaryInsert(StackEndpoints stack)
      throws Exception {
    ClickHouseSink.migrate(
        SinkSettings.builder()
            .bootstrapServers(stack.kafkaBootstrapServers())
            .schemaRegistryUrl(stack.schemaRegistryUrl())
            .clickHouseJdbcUrl(stack.clickHouseJdbcUrl())
            .build(),
        Clock.systemUTC());
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    // Rounds interleave the modes so that load from other processes hits each of them alike.
    // Round 0 warms up the JIT and the endpoint and is not counted.
    for (int round = 0; round <= ROUNDS; round++) {
      for (String mode : List.of("RAW_ROW_BINARY", "ROW_BINARY", "VALUES")) {
        double rate = measure(stack, mode);
        if (round > 0) {
          rates.computeIfAbsent(mode, m -> new ArrayList<>()).add(rate);
        }
      }
    }
    StringBuilder report = new StringBuilder();
    double raw = median(rates.get("RAW_ROW_BINARY"));
    for (Map.Entry<String, List<Double>> entry : rates.entrySet()) {
      double median = median(entry.getValue());
      String line =
          String.format(
              "%-15s median %,8.0f rows/s (%.2f of raw) over %d rounds of %,d rows in batches of %,d; runs: %s",
              entry.getKey(),
              median,
              median / raw,
              ROUNDS,
              ROWS,
              BATCH,
              entry.getValue().stream().map(r -> String.format("%,.0f", r)).toList());
      LOGGER.info(line);
      report.append(line).append('\n');
    }
    Files.writeString(Path.of("target", "sink-throughput.txt"), report, StandardCharsets.UTF_8);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** Inserts ROWS fresh rows with one mode and returns rows per second. */
  private static double measure(StackEndpoints stack, String mode) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<List<Row>> batches = batches(run);
    long started;
    try (Connection connection = DriverManager.getConnection(stack.clickHouseJdbcUrl())) {
      if (mode.equals("RAW_ROW_BINARY")) {
        Client client = connection.unwrap(ConnectionImpl.class).getClient();
        TableSchema schema = client.getTableSchema(SinkTable.PRICED_USAGE.tableName());
        List<byte[]> bodies = new ArrayList<>();
        long encoding = System.nanoTime();
        for (List<Row> batch : batches) {
          bodies.add(rowBinary(schema, batch));
        }
        LOGGER.info(
            "encoding {} rows as RowBinary took {} ms (not part of the raw figure)",
            ROWS,
            (System.nanoTime() - encoding) / 1_000_000);
        started = System.nanoTime();
        for (byte[] body : bodies) {
          client
              .insert(
                  SinkTable.PRICED_USAGE.tableName(),
                  new ByteArrayInputStream(body),
                  ClickHouseFormat.RowBinary)
              .get()
              .close();
        }
      } else {
        JdbcRowWriter writer = new JdbcRowWriter(connection, InsertPath.valueOf(mode));
        writer.insert(SinkTable.PRICED_USAGE, batches.getFirst().subList(0, 1), "warm/" + run);
        started = System.nanoTime();
        int i = 0;
        for (List<Row> batch : batches) {
          writer.insert(SinkTable.PRICED_USAGE, batch, "bench/" + run + "/" + i++);
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    try (ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      assertThat(
              reads.count(
                  "SELECT count() FROM tokenmeter_priced_usage WHERE kafka_topic = 'bench-"
                      + run
                      + "'"))
          .isGreaterThanOrEqualTo(ROWS);
    }
    return ROWS / seconds;
  }

  private static List<List<Row>> batches(String run) throws Exception {
    SinkTopics topics =
        new SinkTopics("bench-" + run, "ba-" + run, "bb-" + run, "bu-" + run, "bd-" + run);
    try (AvroBytes avro = new AvroBytes("bench-" + run);
        RecordConverter converter =
            new RecordConverter(
                topics,
                avro.registry(),
                avro.serdeConfigs(),
                new ErrorClassifier(),
                Clock.systemUTC())) {
      List<List<Row>> batches = new ArrayList<>();
      List<Row> batch = new ArrayList<>();
      for (int i = 0; i < ROWS; i++) {
        byte[] value =
            avro.bytes(
                topics.pricedUsage(),
                SampleRecords.priced(
                    "bench-" + run + "-" + i, "bench-" + (i % 20), "0.000123456789"));
        batch.add(converter.convert(new ConsumerRecord<>(topics.pricedUsage(), 0, i, null, value)));
        if (batch.size() == BATCH) {
          batches.add(batch);
          batch = new ArrayList<>();
        }
      }
      if (!batch.isEmpty()) {
        batches.add(batch);
      }
      return batches;
    }
  }

  private static byte[] rowBinary(TableSchema schema, List<Row> rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowBinaryFormatWriter writer =
        new RowBinaryFormatWriter(out, schema, ClickHouseFormat.RowBinary);
    for (Row row : rows) {
      for (int i = 0; i < row.values().size(); i++) {
        writer.setValue(i + 1, row.values().get(i));
      }
      writer.commitRow();
    }
    return out.toByteArray();
  }
}
