package io.tokenmeter.clickhouse.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One query for the engine.
 *
 * @param sql the statement text; for an insert with data, {@code INSERT INTO t FORMAT X} without
 *     the data
 * @param database the current database for unqualified names
 * @param outputFormat the format the result is wanted in (e.g. {@code RowBinaryWithNamesAndTypes}),
 *     unless the SQL names its own with a {@code FORMAT} clause
 * @param settings per-query ClickHouse settings (e.g. {@code insert_deduplication_token}); they
 *     apply to this query only
 * @param inputData the data of an {@code INSERT ... FORMAT X} statement, exactly as the client sent
 *     it (binary-safe), or {@code null} when the statement carries no data
 */
public record QueryRequest(
    String sql,
    String database,
    String outputFormat,
    Map<String, String> settings,
    byte[] inputData) {

  public QueryRequest {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(outputFormat, "outputFormat");
    settings = Map.copyOf(settings);
  }
}
