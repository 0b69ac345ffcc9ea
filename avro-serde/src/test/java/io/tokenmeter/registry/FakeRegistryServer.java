package io.tokenmeter.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny HTTP server that answers canned responses per "METHOD /raw/path?query" and records every
 * request, to test the REST client against exact registry behaviours (including odd ones).
 */
final class FakeRegistryServer implements AutoCloseable {
  record Response(int status, String body) {}

  record Request(
      String method, String rawPathAndQuery, Map<String, List<String>> headers, String body) {
    String header(String name) {
      // HttpServer normalizes header-name case, so match case-insensitively.
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Response>> responses = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();

  FakeRegistryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues answers for a request; the last one repeats once the queue is down to it. */
  synchronized FakeRegistryServer on(String methodAndPath, Response... answers) {
    responses.computeIfAbsent(methodAndPath, key -> new ArrayDeque<>()).addAll(List.of(answers));
    return this;
  }

  static Response ok(String body) {
    return new Response(200, body);
  }

  static Response status(int status, String body) {
    return new Response(status, body);
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String target = exchange.getRequestURI().getRawPath();
    if (exchange.getRequestURI().getRawQuery() != null) {
      target += "?" + exchange.getRequestURI().getRawQuery();
    }
    Response response;
    synchronized (this) {
      requests.add(
          new Request(
              exchange.getRequestMethod(), target, Map.copyOf(exchange.getRequestHeaders()), body));
      Deque<Response> queue = responses.get(exchange.getRequestMethod() + " " + target);
      if (queue == null || queue.isEmpty()) {
        response = new Response(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
      } else {
        response = queue.size() > 1 ? queue.poll() : queue.peek();
      }
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
