package io.tokenmeter.devregistry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small schema registry speaking the Confluent Schema Registry REST API (Avro only), for
 * development stacks and tests.
 *
 * <p><b>This is a development stand-in, not a production registry.</b> It has no authentication, no
 * replication, no IMPORT/READONLY modes, no JSON Schema or Protobuf, and a single context.
 * Production deployments point tokenmeter at Confluent Schema Registry, Apicurio Registry (its
 * {@code /apis/ccompat/v7} API) or Karapace; the clients in this project follow the published API
 * so that they work against all of them.
 *
 * <p>What it does implement: global schema ids from 1 (the same schema reuses its id across
 * subjects), per-subject versions, idempotent re-registration, lookup, the compatibility levels
 * checked with Avro's reader/writer rules (BACKWARD by default, configurable per subject), soft and
 * permanent deletes, and Confluent's error codes. With a data directory, state (and therefore every
 * id) survives restarts through an fsync'd append-only journal.
 *
 * <pre>{@code
 * try (DevRegistry registry = DevRegistry.start(DevRegistryConfig.builder().build())) {
 *   String url = registry.url(); // e.g. http://127.0.0.1:41234
 * }
 * }</pre>
 */
public final class DevRegistry implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(DevRegistry.class);

  private final DevRegistryConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RegistryStore store;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DevRegistry(
      DevRegistryConfig config, HttpServer server, ExecutorService executor, RegistryStore store) {
    this.config = config;
    this.server = server;
    this.executor = executor;
    this.store = store;
  }

  /** Starts an in-memory registry on a free loopback port (what most tests want). */
  public static DevRegistry start() {
    return start(DevRegistryConfig.builder().build());
  }

  /**
   * Replays the data directory (if any), binds the port and starts serving. Throws {@link
   * UncheckedIOException} when the port cannot be bound and {@link IllegalStateException} when the
   * data directory is damaged or in use by another registry.
   */
  public static DevRegistry start(DevRegistryConfig config) {
    long startedAt = System.nanoTime();
    RegistryStore store = openStore(config);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    } catch (IOException e) {
      executor.close();
      store.close();
      throw new UncheckedIOException(
          "Cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + "; choose another port (0 picks a free one)",
          e);
    }
    Router router = new Router();
    new SchemaRoutes(store).addTo(router);
    new SubjectRoutes(store, config.incompatibleErrorCode()).addTo(router);
    new ConfigAndCompatibilityRoutes(store).addTo(router);
    server.createContext("/", new RegistryHttpHandler(router));
    server.setExecutor(executor);
    server.start();
    Warmup.inBackground();
    DevRegistry registry = new DevRegistry(config, server, executor, store);
    LOGGER.info(
        "Dev schema registry (development only) listening on {} in {} ms, data dir: {}",
        registry.url(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
        config.dataDir().map(Object::toString).orElse("none (in memory)"));
    return registry;
  }

  private static RegistryStore openStore(DevRegistryConfig config) {
    if (config.dataDir().isEmpty()) {
      return new RegistryStore(Journal.NONE, List.of());
    }
    FileJournal journal = FileJournal.open(config.dataDir().get());
    try {
      return new RegistryStore(journal, journal.replayed());
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port();
  }

  /** The port actually bound (useful when the configured port was 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Stops accepting requests, waits up to the configured grace for requests in flight, then closes
   * the journal. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long graceMillis = config.shutdownGrace().toMillis();
    // HttpServer.stop takes whole seconds and returns early once no exchange is in flight.
    server.stop((int) TimeUnit.MILLISECONDS.toSeconds(graceMillis + 999));
    executor.shutdown();
    try {
      if (!executor.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      store.close();
    }
    LOGGER.info("Dev schema registry on port {} stopped", port());
  }
}
