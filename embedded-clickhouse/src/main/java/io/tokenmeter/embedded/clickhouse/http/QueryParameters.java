package io.tokenmeter.embedded.clickhouse.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The URL parameters of one request, split the way ClickHouse splits them: control parameters the
 * endpoint consumes itself, and everything else, which is a per-query ClickHouse setting.
 */
public final class QueryParameters {

  /** ClickHouse's reserved HTTP parameter names (they are never settings). */
  static final Set<String> RESERVED =
      Set.of(
          "query",
          "query_id",
          "compress",
          "decompress",
          "database",
          "default_format",
          "user",
          "password",
          "quota_key",
          "buffer_size",
          "wait_end_of_query",
          "session_id",
          "session_timeout",
          "session_check",
          "close_session",
          "client_protocol_version",
          "stacktrace",
          "role");

  /**
   * Real ClickHouse settings that only steer the HTTP layer; the endpoint acts on them and does not
   * hand them to the engine.
   */
  static final Set<String> HTTP_LAYER_SETTINGS =
      Set.of(
          "enable_http_compression",
          "http_zlib_compression_level",
          "http_native_compression_disable_checksumming_on_decompress");

  /** Query parameters ({@code {name:Type}} substitution) use this prefix. */
  static final String QUERY_PARAMETER_PREFIX = "param_";

  private final List<Map.Entry<String, String>> entries;

  private QueryParameters(List<Map.Entry<String, String>> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Parses a raw (still percent-encoded) query string; {@code null} or empty gives no parameters.
   */
  public static QueryParameters parse(String rawQuery) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String item : rawQuery.split("&")) {
        if (item.isEmpty()) {
          continue;
        }
        int equals = item.indexOf('=');
        String name = equals < 0 ? item : item.substring(0, equals);
        String value = equals < 0 ? "" : item.substring(equals + 1);
        entries.add(Map.entry(decode(name), decode(value)));
      }
    }
    return new QueryParameters(entries);
  }

  /** The first value of {@code name}, if present. */
  public Optional<String> first(String name) {
    return entries.stream()
        .filter(e -> e.getKey().equals(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Whether {@code name} is present with a true value ({@code 1} or {@code true}). */
  public boolean isTrue(String name) {
    return first(name).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
  }

  /** Names of {@code param_*} query parameters, which this endpoint does not substitute. */
  public List<String> queryParameterNames() {
    return entries.stream()
        .map(Map.Entry::getKey)
        .filter(name -> name.startsWith(QUERY_PARAMETER_PREFIX))
        .distinct()
        .toList();
  }

  /**
   * The per-query ClickHouse settings: every parameter that is neither reserved, a query parameter
   * nor an HTTP-layer setting. A repeated name keeps its last value, as ClickHouse does.
   */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : entries) {
      String name = entry.getKey();
      if (!RESERVED.contains(name)
          && !HTTP_LAYER_SETTINGS.contains(name)
          && !name.startsWith(QUERY_PARAMETER_PREFIX)) {
        settings.put(name, entry.getValue());
      }
    }
    return settings;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
