package io.tokenmeter.sdk.budget;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-test HTTP server answering like the processor's spend API: a canned status and body per raw
 * path (with query), an optional delay, and a record of what was asked.
 */
final class FakeSpendApi implements AutoCloseable {
  record Canned(int status, String body, Duration delay) {}

  record Asked(String rawPathAndQuery, String authorization) {}

  private final HttpServer server;
  private final Map<String, Canned> answers = new ConcurrentHashMap<>();
  final List<Asked> asked = new CopyOnWriteArrayList<>();

  FakeSpendApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String raw = exchange.getRequestURI().getRawPath();
          String query = exchange.getRequestURI().getRawQuery();
          String key = query == null ? raw : raw + "?" + query;
          asked.add(new Asked(key, exchange.getRequestHeaders().getFirst("Authorization")));
          Canned canned =
              answers.getOrDefault(key, new Canned(404, "{\"error\":\"no such route\"}", null));
          if (canned.delay() != null) {
            try {
              Thread.sleep(canned.delay().toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          if (canned.status() == 401) {
            // As the processor answers (RFC 6750 asks for it).
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
          }
          exchange.sendResponseHeaders(canned.status(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  FakeSpendApi answer(String rawPathAndQuery, int status, String body) {
    answers.put(rawPathAndQuery, new Canned(status, body, null));
    return this;
  }

  FakeSpendApi answerSlowly(String rawPathAndQuery, Duration delay) {
    answers.put(rawPathAndQuery, new Canned(200, "{}", delay));
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
