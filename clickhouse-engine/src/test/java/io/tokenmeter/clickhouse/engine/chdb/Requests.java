package io.tokenmeter.clickhouse.engine.chdb;

import io.tokenmeter.clickhouse.engine.QueryEngine;
import io.tokenmeter.clickhouse.engine.QueryException;
import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Short forms of the requests the integration tests send. */
final class Requests {

  static final String TEXT = "TabSeparated";

  private Requests() {}

  static QueryRequest sql(String sql) {
    return new QueryRequest(sql, "default", TEXT, Map.of(), null);
  }

  static QueryRequest withSettings(String sql, Map<String, String> settings) {
    return new QueryRequest(sql, "default", TEXT, settings, null);
  }

  static QueryRequest insert(String sql, byte[] data, Map<String, String> settings) {
    return new QueryRequest(sql, "default", TEXT, settings, data);
  }

  /** Runs {@code sql} and returns its TabSeparated result as text. */
  static String text(QueryEngine engine, String sql) throws QueryException {
    return text(engine.execute(sql(sql)));
  }

  static String text(QueryResult result) {
    return new String(result.body(), StandardCharsets.UTF_8);
  }
}
