package io.tokenmeter.clickhouse.engine;

/**
 * Runs one ClickHouse query to completion and returns its whole result.
 *
 * <p>The seam between the HTTP front (which speaks ClickHouse's HTTP protocol to clickhouse-jdbc)
 * and the engine that executes SQL (chdb in-process, or a fake in unit tests of the front).
 * Implementations must be safe to call from several threads; chdb serializes internally as needed.
 */
public interface QueryEngine extends AutoCloseable {

  /**
   * Executes {@code request} and returns its full, already formatted result.
   *
   * @throws QueryException when ClickHouse rejects the query; carries the ClickHouse error code
   */
  QueryResult execute(QueryRequest request) throws QueryException;

  /** The engine's version, as {@code SELECT version()} reports it (e.g. {@code 26.5.3.1}). */
  String version();

  /** The engine's time zone, as {@code SELECT timezone()} reports it. */
  String timezone();

  @Override
  void close();
}
