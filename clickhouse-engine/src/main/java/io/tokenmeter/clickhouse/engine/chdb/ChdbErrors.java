package io.tokenmeter.clickhouse.engine.chdb;

import io.tokenmeter.clickhouse.engine.QueryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns chdb's error text into a {@link QueryException} carrying ClickHouse's error code. */
final class ChdbErrors {

  /**
   * ClickHouse's UNKNOWN_EXCEPTION: what a server reports for a failure that has no code of its
   * own, so clients classify it the same way here.
   */
  static final int UNKNOWN_EXCEPTION = 1002;

  /** ClickHouse's UNKNOWN_SETTING. */
  static final int UNKNOWN_SETTING = 115;

  /** ClickHouse's QUERY_WAS_CANCELLED, used when the caller is interrupted while waiting. */
  static final int QUERY_WAS_CANCELLED = 394;

  private static final Pattern CODE = Pattern.compile("^\\s*Code:\\s*(\\d+)\\.");

  private ChdbErrors() {}

  static QueryException toException(String errorText) {
    Matcher matcher = CODE.matcher(errorText);
    if (matcher.find()) {
      try {
        return new QueryException(Integer.parseInt(matcher.group(1)), errorText);
      } catch (NumberFormatException tooLong) {
        return new QueryException(UNKNOWN_EXCEPTION, errorText);
      }
    }
    return new QueryException(UNKNOWN_EXCEPTION, errorText);
  }
}
