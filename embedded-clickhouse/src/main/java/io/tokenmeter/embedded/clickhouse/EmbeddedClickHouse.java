package io.tokenmeter.embedded.clickhouse;

import io.tokenmeter.clickhouse.engine.QueryEngine;
import io.tokenmeter.clickhouse.engine.chdb.ChdbEngine;
import io.tokenmeter.embedded.clickhouse.http.ClickHouseHttpServer;
import io.tokenmeter.embedded.clickhouse.http.ClickHouseUser;
import io.tokenmeter.embedded.clickhouse.http.HttpFrontSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse in the JVM: the chdb engine with a persistent data directory, behind an HTTP endpoint
 * that clickhouse-jdbc uses as it uses a ClickHouse server.
 *
 * <pre>{@code
 * try (EmbeddedClickHouse clickHouse =
 *     EmbeddedClickHouse.builder().dataDirectory(dir).build().start()) {
 *   Connection c = DriverManager.getConnection(clickHouse.jdbcUrl());
 * }
 * }</pre>
 *
 * <p>chdb allows one engine per JVM at a time: close one instance before starting another.
 */
public final class EmbeddedClickHouse implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedClickHouse.class);

  /** How long {@link #close()} lets running requests finish before stopping the endpoint. */
  public static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private final Path dataDirectory;
  private final HttpFrontSettings settings;
  private final EngineOpener engineOpener;
  private QueryEngine engine;
  private ClickHouseHttpServer server;
  private Duration startupTime;
  private boolean closed;

  private EmbeddedClickHouse(Builder builder) {
    this.dataDirectory = builder.dataDirectory;
    this.settings =
        new HttpFrontSettings(
            builder.host,
            builder.port,
            builder.users.isEmpty() ? List.of(ClickHouseUser.DEFAULT) : builder.users,
            builder.maxRequestBytes);
    this.engineOpener = builder.engineOpener;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Opens the engine on the data directory, then starts the endpoint; returns {@code this}. */
  public synchronized EmbeddedClickHouse start() {
    if (closed || server != null) {
      throw new IllegalStateException(
          "This EmbeddedClickHouse was already started; build a new one to start again");
    }
    long started = System.nanoTime();
    engine = engineOpener.open(dataDirectory);
    try {
      server = ClickHouseHttpServer.start(engine, settings);
    } catch (IOException e) {
      engine.close();
      throw new UncheckedIOException(
          "Cannot listen on " + settings.host() + ":" + settings.port() + " (port in use?)", e);
    }
    startupTime = Duration.ofNanos(System.nanoTime() - started);
    LOGGER.info(
        "Embedded ClickHouse {} on {} started in {} ms (data in {})",
        engine.version(),
        jdbcUrl(),
        startupTime.toMillis(),
        dataDirectory);
    return this;
  }

  /**
   * For clickhouse-jdbc: {@code jdbc:clickhouse://127.0.0.1:PORT/default}; append parameters with
   * {@code ?} (e.g. {@code ?clickhouse_setting_insert_deduplication_token=...}).
   */
  public String jdbcUrl() {
    return "jdbc:clickhouse://" + hostAndPort() + "/default";
  }

  /** The HTTP interface's base URL, e.g. {@code http://127.0.0.1:PORT}. */
  public String httpUrl() {
    return "http://" + hostAndPort();
  }

  /** The port the endpoint listens on. */
  public int port() {
    return requireStarted().address().getPort();
  }

  /** How long {@link #start()} took: engine open plus endpoint start. */
  public Duration startupTime() {
    requireStarted();
    return startupTime;
  }

  /** Stops the endpoint, then closes the engine; bounded, idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.close(CLOSE_GRACE);
    }
    if (engine != null) {
      engine.close();
    }
  }

  private String hostAndPort() {
    String host = settings.host();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return shown + ":" + port();
  }

  private ClickHouseHttpServer requireStarted() {
    if (server == null) {
      throw new IllegalStateException("Call start() first");
    }
    return server;
  }

  /** Builds an {@link EmbeddedClickHouse}; every setting but the data directory has a default. */
  public static final class Builder {

    private Path dataDirectory;
    private String host = HttpFrontSettings.DEFAULT_HOST;
    private int port = HttpFrontSettings.DEFAULT_PORT;
    private final List<ClickHouseUser> users = new ArrayList<>();
    private long maxRequestBytes = HttpFrontSettings.DEFAULT_MAX_REQUEST_BYTES;
    private EngineOpener engineOpener = ChdbEngine::open;

    private Builder() {}

    /** Where MergeTree data lives; reuse it to keep data across restarts. Required. */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    /** The listen address; default {@value HttpFrontSettings#DEFAULT_HOST}. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; default 0, any free port (read it back with {@link #port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Adds an accepted user. With none added, the user {@code default} without password is
     * accepted, as on a fresh ClickHouse.
     */
    public Builder user(String name, String password) {
      users.add(new ClickHouseUser(name, password));
      return this;
    }

    /** The largest request body, after decompression; default 256 MiB. */
    public Builder maxRequestBytes(long maxRequestBytes) {
      if (maxRequestBytes < 1) {
        throw new IllegalArgumentException(
            "maxRequestBytes must be positive (default 268435456), got " + maxRequestBytes);
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    /** Replaces the chdb engine, e.g. with a fake in tests of the endpoint. */
    public Builder engineOpener(EngineOpener engineOpener) {
      this.engineOpener = Objects.requireNonNull(engineOpener, "engineOpener");
      return this;
    }

    public EmbeddedClickHouse build() {
      if (dataDirectory == null) {
        throw new IllegalStateException(
            "dataDirectory is required: pass a temporary directory in tests, a persistent one for"
                + " dev (the same directory keeps data across restarts)");
      }
      return new EmbeddedClickHouse(this);
    }
  }
}
