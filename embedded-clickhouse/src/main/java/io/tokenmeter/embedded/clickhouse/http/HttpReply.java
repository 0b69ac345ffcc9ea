package io.tokenmeter.embedded.clickhouse.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete response, built before the status line is sent (errors cannot follow a 200). */
record HttpReply(int status, Map<String, String> headers, byte[] body) {

  static final String TEXT = "text/plain; charset=UTF-8";

  HttpReply {
    headers = Map.copyOf(headers);
  }

  static HttpReply text(int status, String text) {
    return new HttpReply(
        status, Map.of("Content-Type", TEXT), text.getBytes(StandardCharsets.UTF_8));
  }

  /** An error as clickhouse-jdbc reads it: plain text, never compressed, code in a header. */
  static HttpReply error(ClickHouseError error, String queryId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", TEXT);
    headers.put("X-ClickHouse-Exception-Code", Integer.toString(error.code()));
    if (queryId != null) {
      headers.put("X-ClickHouse-Query-Id", queryId);
    }
    return new HttpReply(error.httpStatus(), headers, error.body());
  }

  void send(HttpExchange exchange) throws IOException {
    headers.forEach(exchange.getResponseHeaders()::set);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    // -1 sends "Content-length: 0" with no body; any other length is sent as a Content-Length.
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
