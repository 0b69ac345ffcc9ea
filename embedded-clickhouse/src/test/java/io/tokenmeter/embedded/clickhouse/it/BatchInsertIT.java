package io.tokenmeter.embedded.clickhouse.it;

import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.connect;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.execute;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.withParameters;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.clickhouse.EmbeddedClickHouse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 100,000-row PreparedStatement batch, on both of the driver's insert paths, read back exactly.
 */
class BatchInsertIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(BatchInsertIT.class);
  private static final int ROWS = 100_000;
  private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

  @TempDir static Path dataDirectory;
  private static EmbeddedClickHouse clickHouse;

  @BeforeAll
  static void start() {
    clickHouse = EmbeddedClickHouse.builder().dataDirectory(dataDirectory).build().start();
    LOGGER.info(
        "MEASURE start-up of EmbeddedClickHouse: {} ms", clickHouse.startupTime().toMillis());
  }

  @AfterAll
  static void stop() {
    clickHouse.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void shouldInsertAndReadBackOneHundredThousandRows(boolean rowBinary) throws SQLException {
    String table = rowBinary ? "batch_row_binary" : "batch_sql_values";
    String url =
        withParameters(clickHouse.jdbcUrl(), "beta.row_binary_for_simple_insert=" + rowBinary);
    try (Connection connection = connect(url)) {
      execute(
          connection,
          "CREATE TABLE "
              + table
              + " (id UInt64, tenant LowCardinality(String), ts DateTime64(3, 'UTC'),"
              + " cost Decimal(38, 12), model String) ENGINE = MergeTree ORDER BY id");
      long started = System.nanoTime();
      int[] counts;
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          insert.setLong(1, i);
          insert.setString(2, tenant(i));
          insert.setObject(3, timestamp(i));
          insert.setBigDecimal(4, cost(i));
          insert.setString(5, model(i));
          insert.addBatch();
        }
        long bound = System.nanoTime();
        counts = insert.executeBatch();
        long done = System.nanoTime();
        LOGGER.info(
            "MEASURE {}-row batch insert via {}: {} ms binding rows in the driver, {} ms"
                + " executeBatch (encode, HTTP, engine)",
            ROWS,
            rowBinary ? "RowBinary" : "SQL VALUES",
            (bound - started) / 1_000_000,
            (done - bound) / 1_000_000);
      }
      assertThat(counts).hasSize(ROWS).containsOnly(1);
      assertReadBackExactly(connection, table);
    }
  }

  private static void assertReadBackExactly(Connection connection, String table)
      throws SQLException {
    int seen = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT id, tenant, ts, cost, model FROM " + table + " ORDER BY id")) {
      while (rows.next()) {
        int i = seen++;
        assertThat(rows.getLong(1)).isEqualTo(i);
        assertThat(rows.getString(2)).isEqualTo(tenant(i));
        assertThat(rows.getObject(3, LocalDateTime.class)).isEqualTo(timestamp(i));
        assertThat(rows.getBigDecimal(4)).isEqualByComparingTo(cost(i));
        assertThat(rows.getString(5)).isEqualTo(model(i));
      }
    }
    assertThat(seen).isEqualTo(ROWS);
  }

  private static String tenant(int i) {
    return "tenant-" + (i % 37);
  }

  private static LocalDateTime timestamp(int i) {
    return START.plusNanos(
        i * 1_001L * 1_000_000L); // 1.001 s apart: every millisecond digit varies
  }

  private static BigDecimal cost(int i) {
    return BigDecimal.valueOf(i * 7919L + 1, 12); // twelve decimals, growing into whole units
  }

  private static String model(int i) {
    return i % 3 == 0 ? "claude-sonnet-4-5" : i % 3 == 1 ? "gpt-5 \"mini\"" : "o'3";
  }
}
