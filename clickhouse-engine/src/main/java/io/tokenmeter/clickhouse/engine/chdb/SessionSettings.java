package io.tokenmeter.clickhouse.engine.chdb;

import io.tokenmeter.clickhouse.engine.QueryException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Per-query settings on chdb's single session: {@code SET} before the query and back to the
 * session's start-up value after it. A {@code SETTINGS} clause appended to the SQL is not used
 * because on {@code CREATE TABLE} it would become a table setting.
 */
final class SessionSettings {

  /**
   * URL parameters of ClickHouse's HTTP interface that are not settings. A server handles them
   * itself; chdb would reject them as unknown settings.
   */
  static final Set<String> HTTP_ONLY_PARAMETERS =
      Set.of(
          "wait_end_of_query",
          "compress",
          "decompress",
          "buffer_size",
          "query",
          "query_id",
          "database",
          "default_format",
          "user",
          "password",
          "quota_key",
          "session_id",
          "session_timeout",
          "session_check",
          "stacktrace",
          "role");

  private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Settings chdb itself changed at connect time (name to value); all others are defaults. */
  private final Map<String, String> startupValues;

  SessionSettings(Map<String, String> startupValues) {
    this.startupValues = Map.copyOf(startupValues);
  }

  /**
   * The settings to apply: HTTP-only parameters dropped, names checked.
   *
   * @throws QueryException code 115 for a name that cannot be a setting
   */
  static Map<String, String> applicable(Map<String, String> requested) throws QueryException {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : requested.entrySet()) {
      String name = entry.getKey();
      if (HTTP_ONLY_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (!SETTING_NAME.matcher(name).matches()) {
        throw new QueryException(
            ChdbErrors.UNKNOWN_SETTING,
            "Code: 115. DB::Exception: Unknown setting '" + name + "'. (UNKNOWN_SETTING)");
      }
      result.put(name, entry.getValue() == null ? "" : entry.getValue());
    }
    return result;
  }

  /** {@code SET a = 'x', b = 'y'}; ClickHouse converts the string to each setting's type. */
  static String setStatement(Map<String, String> settings) {
    StringJoiner sql = new StringJoiner(", ", "SET ", "");
    settings.forEach((name, value) -> sql.add(name + " = " + quote(value)));
    return sql.toString();
  }

  /** Puts {@code names} back to their start-up values. */
  String resetStatement(Collection<String> names) {
    StringJoiner sql = new StringJoiner(", ", "SET ", "");
    for (String name : names) {
      String startup = startupValues.get(name);
      sql.add(name + " = " + (startup == null ? "DEFAULT" : quote(startup)));
    }
    return sql.toString();
  }

  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
