package io.tokenmeter.clickhouse.engine.chdb;

import static io.tokenmeter.clickhouse.engine.chdb.Requests.insert;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.sql;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Figures for docs/benchmarks.md: open time, a 100,000-row RowBinary insert, resident memory. */
class ChdbEngineMeasurementIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(ChdbEngineMeasurementIT.class);
  private static final int ROWS = 100_000;

  @TempDir Path dataDirectory;

  @Test
  void shouldInsertOneHundredThousandRowBinaryRowsExactly() throws Exception {
    long openStart = System.nanoTime();
    try (ChdbEngine engine = ChdbEngine.open(dataDirectory)) {
      long openMillis = (System.nanoTime() - openStart) / 1_000_000;
      long rssAfterOpen = residentKilobytes();
      engine.execute(
          sql(
              "CREATE TABLE usage (id UInt64, model LowCardinality(String), cost Decimal(38, 12),"
                  + " at DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY (model, at)"));
      RowBinary rows = new RowBinary();
      BigDecimal unit = new BigDecimal("0.000000000001");
      long idSum = 0;
      for (int i = 0; i < ROWS; i++) {
        rows.uint64(i)
            .string("model-" + (i % 7))
            .decimal128(unit.multiply(BigDecimal.valueOf(i)), 12)
            .dateTime64Millis(1_762_000_000_000L + i);
        idSum += i;
      }
      byte[] data = rows.toByteArray();

      long insertStart = System.nanoTime();
      QueryResult written =
          engine.execute(insert("INSERT INTO usage FORMAT RowBinary", data, Map.of()));
      long insertMillis = (System.nanoTime() - insertStart) / 1_000_000;

      assertThat(written.rowsWritten()).isEqualTo(ROWS);
      assertThat(text(engine, "SELECT count(), sum(id), toString(sum(cost)) FROM usage"))
          .isEqualTo(
              ROWS
                  + "\t"
                  + idSum
                  + "\t"
                  + unit.multiply(BigDecimal.valueOf(idSum)).stripTrailingZeros().toPlainString()
                  + "\n");
      LOGGER.info(
          "MEASURED open {} ms (includes loading libchdb.so if first in this JVM), RSS after open {} MB,"
              + " 100,000-row RowBinary insert ({} bytes) {} ms of which chdb {} ms, RSS after insert {} MB",
          openMillis,
          rssAfterOpen / 1024,
          data.length,
          insertMillis,
          written.elapsedNanos() / 1_000_000,
          residentKilobytes() / 1024);
    }
  }

  @Test
  void shouldMeasureTheCostOfPerRequestSettingsAndDatabase() throws Exception {
    try (ChdbEngine engine = ChdbEngine.openInMemory()) {
      engine.execute(sql("CREATE DATABASE IF NOT EXISTS other"));
      QueryRequest plain = sql("SELECT 1");
      QueryRequest wrapped =
          new QueryRequest(
              "SELECT 1", "other", Requests.TEXT, Map.of("insert_deduplication_token", "x"), null);
      long plainMicros = meanMicros(engine, plain);
      long wrappedMicros = meanMicros(engine, wrapped);

      assertThat(text(engine.execute(wrapped))).isEqualTo("1\n");
      LOGGER.info(
          "MEASURED SELECT 1: {} us plain, {} us with a setting and another database",
          plainMicros,
          wrappedMicros);
    }
  }

  private static long meanMicros(ChdbEngine engine, QueryRequest request) throws Exception {
    int runs = 200;
    for (int i = 0; i < 20; i++) {
      engine.execute(request);
    }
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      engine.execute(request);
    }
    return (System.nanoTime() - start) / runs / 1_000;
  }

  private static long residentKilobytes() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> line.replaceAll("\\D", ""))
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(-1);
  }
}
