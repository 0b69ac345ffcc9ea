package io.tokenmeter.embedded.clickhouse.http;

import java.util.Map;
import java.util.Set;

/** The ClickHouse error codes the endpoint raises itself, and ClickHouse's code-to-HTTP mapping. */
final class ErrorCodes {

  static final int BAD_ARGUMENTS = 36;
  static final int NOT_IMPLEMENTED = 48;
  static final int SYNTAX_ERROR = 62;
  static final int READONLY = 164;
  static final int REQUIRED_PASSWORD = 194;
  static final int CANNOT_DECOMPRESS = 271;
  static final int LIMIT_EXCEEDED = 290;
  static final int AUTHENTICATION_FAILED = 516;
  static final int UNKNOWN_EXCEPTION = 1002;

  static final Map<Integer, String> NAMES =
      Map.of(
          BAD_ARGUMENTS, "BAD_ARGUMENTS",
          NOT_IMPLEMENTED, "NOT_IMPLEMENTED",
          SYNTAX_ERROR, "SYNTAX_ERROR",
          READONLY, "READONLY",
          REQUIRED_PASSWORD, "REQUIRED_PASSWORD",
          CANNOT_DECOMPRESS, "CANNOT_DECOMPRESS",
          LIMIT_EXCEEDED, "LIMIT_EXCEEDED",
          AUTHENTICATION_FAILED, "AUTHENTICATION_FAILED",
          UNKNOWN_EXCEPTION, "UNKNOWN_EXCEPTION");

  // ClickHouse's grouping (HTTPHandler's exceptionCodeToHTTPStatus), for the codes an engine in
  // one process can raise. Never 502 or 407: clickhouse-jdbc drops the error text on those.
  private static final Set<Integer> UNAUTHORIZED = Set.of(REQUIRED_PASSWORD);
  private static final Set<Integer> FORBIDDEN =
      Set.of(192, 193, 497, READONLY, AUTHENTICATION_FAILED);
  private static final Set<Integer> BAD_REQUEST =
      Set.of(
          6,
          25,
          26,
          27,
          32,
          33,
          34,
          35,
          BAD_ARGUMENTS,
          38,
          41,
          53,
          62,
          69,
          70,
          72,
          117,
          167,
          168,
          169,
          236,
          CANNOT_DECOMPRESS,
          LIMIT_EXCEEDED,
          354,
          395,
          474);
  private static final Set<Integer> NOT_FOUND = Set.of(46, 47, 50, 56, 60, 63, 73, 81, 115, 227);
  private static final int TIMEOUT_EXCEEDED = 159;

  private ErrorCodes() {}

  /** The HTTP status ClickHouse answers a given error code with. */
  static int httpStatus(int code) {
    if (UNAUTHORIZED.contains(code)) {
      return 401;
    }
    if (FORBIDDEN.contains(code)) {
      return 403;
    }
    if (BAD_REQUEST.contains(code)) {
      return 400;
    }
    if (NOT_FOUND.contains(code)) {
      return 404;
    }
    if (code == TIMEOUT_EXCEEDED) {
      return 408;
    }
    return code == NOT_IMPLEMENTED ? 501 : 500;
  }
}
