package io.tokenmeter.embedded.clickhouse.http;

import io.tokenmeter.clickhouse.engine.QueryResult;

/**
 * The {@code X-ClickHouse-Summary} header in ClickHouse's own layout: a JSON object whose values
 * are quoted decimals. clickhouse-jdbc turns {@code written_rows} into JDBC update counts, and
 * fails the whole call if the header is not a JSON object, and {@code Client.queryAll} (used for
 * {@code DatabaseMetaData} version calls) reads no rows unless {@code result_rows} is above zero.
 */
final class QuerySummary {

  private QuerySummary() {}

  static String of(QueryResult result) {
    return "{"
        + field("read_rows", result.rowsRead())
        + ","
        + field("read_bytes", result.bytesRead())
        + ","
        + field("written_rows", result.rowsWritten())
        + ","
        + field("written_bytes", 0)
        + ","
        + field("total_rows_to_read", result.rowsRead())
        + ","
        + field("result_rows", result.resultRows())
        + ","
        + field("result_bytes", result.body().length)
        + ","
        + field("elapsed_ns", result.elapsedNanos())
        + "}";
  }

  private static String field(String name, long value) {
    // Engines report -1 or nothing for unknown metrics; ClickHouse never sends negative counters.
    return "\"" + name + "\":\"" + Math.max(0, value) + "\"";
  }
}
