package io.tokenmeter.sink.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tokenmeter.sink.SinkMetrics;
import io.tokenmeter.sink.SinkStatus;
import io.tokenmeter.sink.config.SinkSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's operations endpoint on the JDK's built-in HTTP server: {@code GET /health/live},
 * {@code GET /health/ready} (200 or 503 with a JSON reason) and {@code GET /metrics} (Prometheus
 * text). One daemon thread serves it: probes and scrapes are rare and cheap, and a busy endpoint
 * must not take cores from the consumer loop.
 */
public final class SinkHttpServer implements AutoCloseable {

  public static final String LIVE_PATH = "/health/live";
  public static final String READY_PATH = "/health/ready";
  public static final String METRICS_PATH = "/metrics";

  private static final Logger LOGGER = LoggerFactory.getLogger(SinkHttpServer.class);
  private static final String JSON = "application/json; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Supplier<SinkStatus.Snapshot> status;
  private final SinkMetrics metrics;
  private final HealthCheck check;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SinkHttpServer(
      HttpServer server,
      Supplier<SinkStatus.Snapshot> status,
      SinkMetrics metrics,
      HealthCheck check,
      Clock clock) {
    this.server = server;
    this.status = status;
    this.metrics = metrics;
    this.check = check;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("tokenmeter-sink-http").daemon(true).factory());
  }

  /** Binds {@code host:port} (port 0 = a free one) and starts serving. */
  public static SinkHttpServer start(
      String host,
      int port,
      Supplier<SinkStatus.Snapshot> status,
      SinkMetrics metrics,
      HealthCheck check,
      Clock clock)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    SinkHttpServer endpoint = new SinkHttpServer(server, status, metrics, check, clock);
    server.createContext("/", endpoint::handle);
    server.setExecutor(endpoint.executor);
    server.start();
    LOGGER.info(
        "Health and metrics on http://{}:{} ({}, {}, {})",
        host,
        endpoint.port(),
        LIVE_PATH,
        READY_PATH,
        METRICS_PATH);
    return endpoint;
  }

  /**
   * Starts the endpoint the settings ask for, or returns null when {@code http.port} is -1.
   *
   * @throws UncheckedIOException when the address cannot be bound, saying which key to change
   */
  public static SinkHttpServer startIfEnabled(
      SinkSettings settings,
      Supplier<SinkStatus.Snapshot> status,
      SinkMetrics metrics,
      HealthCheck check,
      Clock clock) {
    if (settings.httpPort() == SinkSettings.HTTP_PORT_OFF) {
      return null;
    }
    try {
      return start(settings.httpHost(), settings.httpPort(), status, metrics, check, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot serve health and metrics on "
              + settings.httpHost()
              + ":"
              + settings.httpPort()
              + "; set tokenmeter.sink.http.port to a free port (0 = any, -1 = no endpoint)",
          e);
    }
  }

  /** The bound port (the chosen one when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, JSON, "{\"error\":\"use GET\"}\n");
        return;
      }
      SinkStatus.Snapshot snapshot = status.get();
      switch (exchange.getRequestURI().getPath()) {
        case LIVE_PATH -> health(exchange, check.live(snapshot), snapshot);
        case READY_PATH -> health(exchange, check.ready(snapshot, clock.instant()), snapshot);
        case METRICS_PATH ->
            send(
                exchange,
                200,
                PrometheusText.CONTENT_TYPE,
                PrometheusText.render(metrics, snapshot));
        default -> send(exchange, 404, JSON, "{\"error\":\"not found\"}\n");
      }
    } catch (RuntimeException e) {
      // The JDK server would close the connection without an answer; log why instead.
      LOGGER.warn("Answering {} failed", exchange.getRequestURI(), e);
    }
  }

  private static void health(
      HttpExchange exchange, HealthResult result, SinkStatus.Snapshot snapshot) throws IOException {
    send(exchange, result.httpStatus(), JSON, result.toJson(snapshot));
  }

  private static void send(HttpExchange exchange, int code, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Stops accepting, drops open exchanges (probes retry), frees the port. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    LOGGER.info("Health and metrics endpoint stopped");
  }
}
