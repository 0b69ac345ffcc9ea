package io.tokenmeter.embedded.clickhouse.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tokenmeter.clickhouse.engine.QueryEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse's HTTP interface, as clickhouse-jdbc 0.9.4 uses it, in front of a {@link QueryEngine}:
 * {@code GET|POST /} runs a query, {@code /ping} answers {@code Ok.}. The JDK server decodes
 * chunked request bodies and keeps connections alive; each exchange runs on its own virtual thread,
 * and the engine serializes what must be serialized.
 */
public final class ClickHouseHttpServer implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(ClickHouseHttpServer.class);
  private static final String OK = "Ok.\n";
  private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD");
  private static final int BACKLOG = 64;

  private final HttpServer server;
  private final ExecutorService executor;
  private final QueryHandler queries;
  private boolean closed;

  private ClickHouseHttpServer(HttpServer server, ExecutorService executor, QueryHandler queries) {
    this.server = server;
    this.executor = executor;
    this.queries = queries;
  }

  /** Binds and starts serving; the engine stays owned by the caller. */
  public static ClickHouseHttpServer start(QueryEngine engine, HttpFrontSettings settings)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), BACKLOG);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    QueryHandler queries =
        new QueryHandler(
            engine,
            new Authenticator(settings.users()),
            new RequestBodyReader(settings.maxRequestBytes()));
    ClickHouseHttpServer front = new ClickHouseHttpServer(server, executor, queries);
    server.createContext("/", front::dispatch);
    server.setExecutor(executor);
    server.start();
    LOGGER.info("ClickHouse HTTP endpoint listening on {}", front.address());
    return front;
  }

  /** The bound address (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void dispatch(HttpExchange exchange) {
    try (exchange) {
      reply(exchange).send(exchange);
    } catch (IOException e) {
      // The driver resets pooled connections on close; a vanished client is routine.
      LOGGER.debug("Client connection ended early: {}", e.toString());
    } catch (RuntimeException e) {
      LOGGER.warn("Unexpected failure answering {}", exchange.getRequestURI().getPath(), e);
    }
  }

  private HttpReply reply(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (!METHODS.contains(method)) {
      return HttpReply.text(405, "HTTP method " + method + " is not supported; use GET or POST\n");
    }
    if (path.equals("/ping")) {
      return HttpReply.text(200, OK);
    }
    if (!path.equals("/")) {
      return HttpReply.text(
          404, "There is no handle " + path + "\n\nUse / or /ping for health checks.\n");
    }
    if (!method.equals("POST") && exchange.getRequestURI().getRawQuery() == null) {
      // ClickHouse answers a bare GET / like /ping: handy for health checks.
      return HttpReply.text(200, OK);
    }
    return queries.handle(exchange);
  }

  /** Stops accepting, lets running exchanges finish for up to {@code grace}; idempotent. */
  public synchronized void close(Duration grace) {
    if (closed) {
      return;
    }
    closed = true;
    server.stop((int) Math.max(0, Math.min(grace.toSeconds(), 60)));
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOGGER.info("ClickHouse HTTP endpoint stopped");
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(1));
  }
}
