package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.fixtures.AvroBytes;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.lang.management.ManagementFactory;
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
 * Rows per second into the priced usage table through each insert path, beside two references over
 * the same endpoint and the same rows, with the same per-insert settings as the sink: {@code
 * RAW_ROW_BINARY}, a raw {@code INSERT ... FORMAT RowBinary} of bodies built before timing; {@code
 * ENGINE_INFILE}, the engine alone: the same bodies written to files before timing and inserted
 * with {@code INSERT ... FROM INFILE} (no HTTP body; the embedded stack's chdb runs in this JVM, so
 * it reads the files); {@code ENGINE_NULL}, the same into a Null-engine copy of the table (only
 * parsing, the engine's floor). {@code ROW_BINARY_BEFORE} replays the sink's insert before issue 7.
 * Sizes: {@code -Dsink.bench.rows} (default 30,000) x {@code -Dsink.bench.rounds} (3) in batches of
 * {@code -Dsink.bench.batch} (default 10,000); {@code -Dsink.bench.modes} picks modes (comma
 * separated, RAW_ROW_BINARY required). Results go to the log and to target/sink-throughput.txt.
 * Opt-in, it takes a few minutes: {@code -Dsink.bench=true}.
 */
@WithTokenmeterStack
@EnabledIfSystemProperty(named = "sink.bench", matches = "true")
class SinkThroughputIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(SinkThroughputIT.class);
  private static final int ROWS = Integer.getInteger("sink.bench.rows", 30_000);
  private static final int ROUNDS = Integer.getInteger("sink.bench.rounds", 3);
  private static final int BATCH = Integer.getInteger("sink.bench.batch", 10_000);
  private static final List<String> MODES =
      List.of(
          System.getProperty(
                  "sink.bench.modes",
                  "ENGINE_NULL,ENGINE_INFILE,RAW_ROW_BINARY,ROW_BINARY,ROW_BINARY_BEFORE,VALUES")
              .split(","));

  private static final List<String> MERGING_TABLES =
      List.of(SinkTable.PRICED_USAGE.tableName(), "tokenmeter_daily_cost_by_tenant_model");

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
    try (ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      // Background merges of earlier modes' parts would land in a later mode's timing (chdb runs
      // in this process); every mode pays for its own insert only. The test stack is discarded.
      for (String table : MERGING_TABLES) {
        reads.execute("SYSTEM STOP MERGES " + table);
      }
      reads.execute(
          "CREATE TABLE IF NOT EXISTS "
              + BenchInserts.NULL_TABLE
              + " AS "
              + SinkTable.PRICED_USAGE.tableName()
              + " ENGINE = Null");
    }
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    // Rounds interleave the modes so that load from other processes hits each of them alike.
    // Round 0 warms up the JIT and the endpoint and is not counted.
    for (int round = 0; round <= ROUNDS; round++) {
      for (String mode : MODES) {
        Sample sample = measure(stack, mode);
        if (round > 0) {
          samples.computeIfAbsent(mode, m -> new ArrayList<>()).add(sample);
        }
      }
    }
    StringBuilder report = new StringBuilder();
    List<Sample> raw = samples.get("RAW_ROW_BINARY");
    for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
      List<Sample> runs = entry.getValue();
      // The share of raw is taken per round (neighbours in time), then the median: the machine's
      // load swings more between rounds than between two modes of one round.
      List<Double> shares = new ArrayList<>();
      List<Double> cpuShares = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        shares.add(runs.get(i).wallRate() / raw.get(i).wallRate());
        cpuShares.add(runs.get(i).cpuRate() / raw.get(i).cpuRate());
      }
      String line =
          String.format(
              "%-17s median %,8.0f rows/s wall, %,8.0f rows per CPU-second; share of raw"
                  + " (median of per-round shares) %.2f wall, %.2f CPU; %d rounds of %,d rows in"
                  + " batches of %,d; wall runs: %s",
              entry.getKey(),
              median(runs.stream().map(Sample::wallRate).toList()),
              median(runs.stream().map(Sample::cpuRate).toList()),
              median(shares),
              median(cpuShares),
              ROUNDS,
              ROWS,
              BATCH,
              runs.stream().map(r -> String.format("%,.0f", r.wallRate())).toList());
      LOGGER.info(line);
      report.append(line).append('\n');
    }
    Files.writeString(Path.of("target", "sink-throughput.txt"), report, StandardCharsets.UTF_8);
  }

  /**
   * One mode's run: rows per wall-clock second, and per second of this process's CPU time (chdb
   * runs in this JVM, so that includes the engine); the CPU figure shifts less with other
   * processes' load on the shared cores.
   */
  private record Sample(double wallRate, double cpuRate) {}

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Inserts ROWS fresh rows with one mode and returns its rates. */
  private static Sample measure(StackEndpoints stack, String mode) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<List<Row>> batches = batches(run);
    long wallNanos;
    long cpuNanos;
    try (Connection connection = DriverManager.getConnection(stack.clickHouseJdbcUrl())) {
      BenchInserts.Prepared prepared = BenchInserts.prepare(mode, connection, batches, run);
      long cpuStarted = processCpuNanos();
      long started = System.nanoTime();
      prepared.work().run();
      wallNanos = System.nanoTime() - started;
      cpuNanos = processCpuNanos() - cpuStarted;
      for (Path file : prepared.stagedFiles()) {
        Files.delete(file);
      }
    }
    try (ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      // Exact: each mode's rows carry their own topic, and every block its own token.
      assertThat(
              reads.count(
                  "SELECT count() FROM tokenmeter_priced_usage WHERE kafka_topic = 'bench-"
                      + run
                      + "'"))
          .isEqualTo(BenchInserts.expectedRows(mode, ROWS));
    }
    return new Sample(ROWS / (wallNanos / 1e9), ROWS / (cpuNanos / 1e9));
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
}
