package io.tokenmeter.embedded.clickhouse.it;

import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.connect;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.execute;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.withParameters;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.clickhouse.EmbeddedClickHouse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every column type the sink writes survives a PreparedStatement insert and a read, exactly. */
class SinkTypesRoundTripIT {

  private static final String COLUMNS =
      "id UInt64, cost Decimal(38, 12), ts DateTime64(3, 'UTC'), tenant LowCardinality(String),"
          + " labels Map(String, String), tokens UInt64, note Nullable(String)";

  @TempDir static Path dataDirectory;
  private static EmbeddedClickHouse clickHouse;

  record Row(
      long id,
      BigDecimal cost,
      Instant ts,
      String tenant,
      Map<String, String> labels,
      BigInteger tokens,
      String note) {}

  private static final List<Row> ROWS =
      List.of(
          new Row(
              1,
              new BigDecimal("12345678901234567890123456.123456789012"),
              Instant.parse("2026-01-02T03:04:05.678Z"),
              "acme",
              Map.of("model", "claude-sonnet-4-5", "region", "eu"),
              new BigInteger("18446744073709551615"),
              null),
          new Row(
              2,
              new BigDecimal("-0.000000000001"),
              Instant.parse("1970-01-01T00:00:00.001Z"),
              "it's \"quoted\" \\ back\\slash, ünïcödé",
              Map.of(),
              BigInteger.ZERO,
              ""),
          new Row(
              3,
              new BigDecimal("0.009051900000"),
              Instant.parse("2105-12-31T23:59:59.999Z"),
              "",
              Map.of("k'1", "v\"1", "empty", ""),
              BigInteger.valueOf(Long.MAX_VALUE),
              "tab\there, newline\nthere"));

  @BeforeAll
  static void start() {
    clickHouse = EmbeddedClickHouse.builder().dataDirectory(dataDirectory).build().start();
  }

  @AfterAll
  static void stop() {
    clickHouse.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void shouldRoundTripEverySinkType(boolean rowBinary) throws SQLException {
    String table = rowBinary ? "types_row_binary" : "types_sql_values";
    String url =
        withParameters(clickHouse.jdbcUrl(), "beta.row_binary_for_simple_insert=" + rowBinary);
    try (Connection connection = connect(url)) {
      execute(
          connection,
          "CREATE TABLE " + table + " (" + COLUMNS + ") ENGINE = MergeTree ORDER BY id");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Row row : ROWS) {
          insert.setLong(1, row.id());
          insert.setBigDecimal(2, row.cost());
          insert.setObject(3, OffsetDateTime.ofInstant(row.ts(), ZoneOffset.UTC).toLocalDateTime());
          insert.setString(4, row.tenant());
          insert.setObject(5, row.labels());
          insert.setObject(6, row.tokens());
          insert.setString(7, row.note());
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
      }
      // Decimals compare by value: the column's scale (12) pads trailing zeros.
      assertThat(readBack(connection, table))
          .usingRecursiveFieldByFieldElementComparator(
              RecursiveComparisonConfiguration.builder()
                  .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                  .build())
          .containsExactlyElementsOf(ROWS);
    }
  }

  private static List<Row> readBack(Connection connection, String table) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
      while (result.next()) {
        @SuppressWarnings("unchecked")
        Map<String, String> labels = new LinkedHashMap<>((Map<String, String>) result.getObject(5));
        rows.add(
            new Row(
                result.getLong(1),
                result.getBigDecimal(2),
                result.getTimestamp(3).toInstant(),
                result.getString(4),
                labels,
                result.getObject(6, BigInteger.class),
                result.getString(7)));
      }
    }
    return rows;
  }
}
