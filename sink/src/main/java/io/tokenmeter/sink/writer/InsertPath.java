package io.tokenmeter.sink.writer;

/** How a batch travels to ClickHouse through clickhouse-jdbc 0.9.4. */
public enum InsertPath {
  /**
   * Slower (SQL text rendered by the driver, parsed by the server). The driver's default for a
   * batched {@code PreparedStatement}: all rows concatenated into one {@code INSERT ... VALUES
   * (..),(..)} SQL text, parsed by the server. The dedup token goes with the statement as a
   * per-query setting.
   */
  VALUES,
  /**
   * The default and the faster path. The driver's client-v2 {@code insert} with a RowBinary body
   * ({@code beta.row_binary_for_simple_insert}'s wire format): no SQL text to build or parse, typed
   * binary values. The sink writes the body itself in table column order and passes the dedup token
   * as an insert setting.
   */
  ROW_BINARY
}
