package io.tokenmeter.processor.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's HTTP server (JDK {@code com.sun.net.httpserver}): health, metrics and the live
 * spend API. Requests run on a small pool: they are short reads of local stores, and the machine
 * running Kafka Streams should spend its cores on the stream threads.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ApiServer.class);
  static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;

  private ApiServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds every interface on {@code settings.port()} (0 = a free port) and starts serving. */
  public static ApiServer start(ApiSettings settings, ApiBackend backend) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException(
          ApiSettings.PORT + " is -1 (off); check settings.enabled() before starting the API");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen on port "
              + settings.port()
              + "; free it or set "
              + ApiSettings.PORT
              + " (0 = any free port, -1 = off)",
          e);
    }
    HealthHandler health = new HealthHandler(backend.state());
    server.createContext(HealthHandler.LIVE, health);
    server.createContext(HealthHandler.READY, health);
    server.createContext(MetricsHandler.PATH, new MetricsHandler(backend.metrics()));
    server.createContext(
        V1Handler.PREFIX, new V1Handler(new TokenAuthenticator(settings), backend));
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, ApiServer::thread);
    server.setExecutor(executor);
    server.start();
    LOGGER.info("API listening on port {} ({})", server.getAddress().getPort(), settings);
    return new ApiServer(server, executor);
  }

  private static Thread thread(Runnable runnable) {
    Thread thread = new Thread(runnable, "tokenmeter-api");
    thread.setDaemon(true);
    return thread;
  }

  /** The bound port (the free port picked when configured with 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
