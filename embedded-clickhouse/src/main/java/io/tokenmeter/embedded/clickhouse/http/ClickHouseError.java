package io.tokenmeter.embedded.clickhouse.http;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request failed with a ClickHouse error: the code for {@code X-ClickHouse-Exception-Code}, the
 * HTTP status, and the text in ClickHouse's own layout ({@code Code: N. DB::Exception: ...}), which
 * clickhouse-jdbc searches for to build its message.
 */
final class ClickHouseError extends Exception {

  private static final Pattern CODE_PREFIX = Pattern.compile("^Code: (\\d+)\\. ");

  private final int code;
  private final int httpStatus;

  private ClickHouseError(int code, int httpStatus, String text) {
    super(text);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** An error the endpoint raises itself, with ClickHouse's status for {@code code}. */
  static ClickHouseError of(int code, String message, String version) {
    return withStatus(code, ErrorCodes.httpStatus(code), message, version);
  }

  /** An error with an explicit HTTP status (e.g. 413 for an oversized request). */
  static ClickHouseError withStatus(int code, int httpStatus, String message, String version) {
    String name = ErrorCodes.NAMES.getOrDefault(code, "UNKNOWN");
    String text =
        "Code: "
            + code
            + ". DB::Exception: "
            + message
            + ". ("
            + name
            + ") (version "
            + version
            + ")";
    return new ClickHouseError(code, httpStatus, text);
  }

  /**
   * Wraps the engine's own error. chdb's text already reads {@code Code: N. DB::Exception: ...};
   * the code in that text is used so that header and body agree.
   */
  static ClickHouseError fromEngine(int engineCode, String engineText, String version) {
    String text =
        engineText == null || engineText.isBlank() ? "unknown engine error" : engineText.strip();
    Matcher prefix = CODE_PREFIX.matcher(text);
    int code;
    if (prefix.find()) {
      // The driver looks for "<code>. DB::Exception:" in the body, so the text's code wins.
      code = Integer.parseInt(prefix.group(1));
    } else {
      code = engineCode > 0 ? engineCode : ErrorCodes.UNKNOWN_EXCEPTION;
      text = "Code: " + code + ". DB::Exception: " + text;
    }
    if (!text.contains("(version ")) {
      text = text + " (version " + version + ")";
    }
    return new ClickHouseError(code, ErrorCodes.httpStatus(code), text);
  }

  int code() {
    return code;
  }

  int httpStatus() {
    return httpStatus;
  }

  /** The response body: the text and a newline, always longer than the driver's 25-byte probe. */
  byte[] body() {
    return (getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
