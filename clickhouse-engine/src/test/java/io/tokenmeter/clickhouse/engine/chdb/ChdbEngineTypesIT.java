package io.tokenmeter.clickhouse.engine.chdb;

import static io.tokenmeter.clickhouse.engine.chdb.Requests.insert;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.sql;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.clickhouse.engine.QueryException;
import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every column type the sink writes survives a RowBinary insert and read, byte for byte. */
class ChdbEngineTypesIT {

  private static final String TABLE =
      "CREATE TABLE sink_types ("
          + " id UInt64,"
          + " cost Decimal(38, 12),"
          + " at DateTime64(3, 'UTC'),"
          + " model LowCardinality(String),"
          + " tags Map(String, String),"
          + " note Nullable(String)"
          + ") ENGINE = MergeTree ORDER BY id";

  private static ChdbEngine engine;

  @BeforeAll
  static void open() {
    engine = ChdbEngine.openInMemory();
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void shouldRoundTripEveryTypeTheSinkUses() throws QueryException {
    engine.execute(sql(TABLE));
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("team", "search");
    tags.put("quote'", "back\\slash\nnewline");
    BigDecimal largest = new BigDecimal("99999999999999999999999999.999999999999");
    BigDecimal negative = new BigDecimal("-0.000000000001");
    BigDecimal usual = new BigDecimal("0.009051900000");
    long at = Instant.parse("2025-11-06T12:34:56.789Z").toEpochMilli();
    byte[] rows =
        new RowBinary()
            .uint64(1)
            .decimal128(usual, 12)
            .dateTime64Millis(at)
            .string("claude-sonnet-4-5")
            .map(tags)
            .nullableString(null)
            .uint64(3)
            .decimal128(negative, 12)
            .dateTime64Millis(-1)
            .string("")
            .map(Map.of("", ""))
            .nullableString("")
            // UInt64's largest value: ORDER BY id puts it last, as an unsigned number.
            .uint64(-1L)
            .decimal128(largest, 12)
            .dateTime64Millis(0)
            .string("gpt-5 ünïcode")
            .map(Map.of())
            .nullableString("a note")
            .toByteArray();

    QueryResult written =
        engine.execute(insert("INSERT INTO sink_types FORMAT RowBinary", rows, Map.of()));
    QueryResult binary =
        engine.execute(
            new QueryRequest(
                "SELECT * FROM sink_types ORDER BY id", "default", "RowBinary", Map.of(), null));

    assertThat(written.rowsWritten()).isEqualTo(3);
    assertThat(binary.body()).isEqualTo(rows);
    // TSVRaw: values exactly as ClickHouse renders them, without TabSeparated's escaping.
    QueryResult rendered =
        engine.execute(
            new QueryRequest(
                "SELECT id, toString(cost), toString(at), model, toString(tags),"
                    + " ifNull(note, 'NULL') FROM sink_types ORDER BY id",
                "default",
                "TSVRaw",
                Map.of(),
                null));
    assertThat(text(rendered))
        .isEqualTo(
            "1\t"
                + usual.stripTrailingZeros().toPlainString()
                + "\t2025-11-06 12:34:56.789\tclaude-sonnet-4-5\t{'team':'search','quote\\'':'back\\\\slash\\nnewline'}\tNULL\n"
                + "3\t"
                + negative.stripTrailingZeros().toPlainString()
                + "\t1969-12-31 23:59:59.999\t\t{'':''}\t\n"
                + "18446744073709551615\t"
                + largest.stripTrailingZeros().toPlainString()
                + "\t1970-01-01 00:00:00.000\tgpt-5 ünïcode\t{}\ta note\n");
  }
}
