package io.tokenmeter.clickhouse.engine;

/** ClickHouse rejected a query. The message is ClickHouse's own error text. */
public final class QueryException extends Exception {

  private final int code;

  /**
   * @param code the ClickHouse error code (e.g. 62 for SYNTAX_ERROR, 60 for UNKNOWN_TABLE)
   * @param message ClickHouse's error text, normally {@code Code: N. DB::Exception: ...}
   */
  public QueryException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The ClickHouse error code. */
  public int code() {
    return code;
  }
}
