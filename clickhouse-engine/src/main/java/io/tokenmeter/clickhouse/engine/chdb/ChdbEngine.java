package io.tokenmeter.clickhouse.engine.chdb;

import io.tokenmeter.clickhouse.engine.QueryEngine;
import io.tokenmeter.clickhouse.engine.QueryException;
import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse engine in-process: chdb's libchdb.so on one connection. Requests run one at a time
 * under a fair lock, because the connection's session (current database, settings) is shared state
 * that each request changes and restores. One engine per JVM at a time; close it and open another
 * (same or other data directory) to restart.
 */
public final class ChdbEngine implements QueryEngine {

  private static final Logger LOGGER = LoggerFactory.getLogger(ChdbEngine.class);

  private final ReentrantLock lock = new ReentrantLock(true);
  private final AtomicBoolean closing = new AtomicBoolean();
  private final ChdbConnection connection;
  private final RequestRunner runner;
  private final String version;
  private final String timezone;
  private final Duration closeTimeout;
  private final SlowCallWatchdog watchdog;
  private volatile boolean closed;

  private ChdbEngine(
      ChdbConnection connection,
      RequestRunner runner,
      String version,
      String timezone,
      Duration closeTimeout,
      SlowCallWatchdog watchdog) {
    this.connection = connection;
    this.runner = runner;
    this.version = version;
    this.timezone = timezone;
    this.closeTimeout = closeTimeout;
    this.watchdog = watchdog;
  }

  /** Opens an engine whose MergeTree data persists under {@code dataDirectory}. */
  public static ChdbEngine open(Path dataDirectory) {
    return open(ChdbEngineConfig.persistent(dataDirectory));
  }

  /** Opens an engine that keeps all data in memory (tests). */
  public static ChdbEngine openInMemory() {
    return open(ChdbEngineConfig.inMemory());
  }

  /**
   * Opens an engine as {@code config} says.
   *
   * @throws ChdbLibraryNotFoundException when libchdb.so is missing (the message says what to run)
   * @throws IllegalStateException when another engine is open in this JVM or chdb fails to start
   */
  public static ChdbEngine open(ChdbEngineConfig config) {
    ChdbLibrary library =
        config.libraryPath() == null ? ChdbLibrary.load() : ChdbLibrary.load(config.libraryPath());
    Path dataDirectory = config.dataDirectory();
    if (dataDirectory != null) {
      try {
        Files.createDirectories(dataDirectory);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the chdb data directory " + dataDirectory, e);
      }
    }
    long start = System.nanoTime();
    ChdbConnection connection = ChdbConnection.open(library, dataDirectory);
    try {
      String[] identity = connection.queryText("SELECT version(), timezone()").strip().split("\t");
      // Before the start-up settings are read, so that requests return to these values.
      connection.queryText(SessionSettings.setStatement(EngineDefaults.settings()));
      SessionSettings settings = new SessionSettings(startupSettings(connection));
      RequestRunner runner = new RequestRunner(connection, settings, config.stagingDirectory());
      LOGGER.info(
          "chdb {} open on {} in {} ms (time zone {})",
          identity[0],
          connection.target(),
          (System.nanoTime() - start) / 1_000_000,
          identity[1]);
      return new ChdbEngine(
          connection,
          runner,
          identity[0],
          identity[1],
          config.closeTimeout(),
          SlowCallWatchdog.logging(SlowCallWatchdog.DEFAULT_THRESHOLD, Clock.systemUTC()));
    } catch (QueryException | RuntimeException e) {
      connection.close();
      throw new IllegalStateException(
          "chdb started but could not be queried: " + e.getMessage(), e);
    }
  }

  @Override
  public QueryResult execute(QueryRequest request) throws QueryException {
    Objects.requireNonNull(request, "request");
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryException(
          ChdbErrors.QUERY_WAS_CANCELLED, "Interrupted while waiting for the chdb engine");
    }
    try {
      if (closed) {
        throw new IllegalStateException("This ChdbEngine is closed; open a new one");
      }
      SlowCallWatchdog.Watch watch = watchdog.watch(request.sql());
      try {
        return runner.run(request);
      } finally {
        watch.close();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public String timezone() {
    return timezone;
  }

  /**
   * Closes the connection once the running query (if any) ends. Returns within the configured close
   * timeout: if a query is still running then, the connection is closed in the background when it
   * ends, and the next engine cannot open until that happens.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    boolean locked = false;
    try {
      locked = lock.tryLock(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (locked) {
      try {
        connection.close();
        LOGGER.info("chdb on {} closed", connection.target());
      } finally {
        watchdog.close();
        lock.unlock();
      }
      return;
    }
    LOGGER.warn(
        "A chdb query was still running after {}; the connection closes when it ends",
        closeTimeout);
    Thread.ofVirtual()
        .name("chdb-deferred-close")
        .start(
            () -> {
              lock.lock();
              try {
                connection.close();
              } finally {
                // Only now: the call that held up the close is still reported while it runs.
                watchdog.close();
                lock.unlock();
              }
            });
  }

  /** Settings chdb changed at start-up, so that resetting a setting restores these values. */
  private static Map<String, String> startupSettings(ChdbConnection connection)
      throws QueryException {
    // hex() keeps values free of TabSeparated escaping.
    String rows =
        connection.queryText("SELECT name, hex(value) FROM system.settings WHERE changed");
    Map<String, String> values = new LinkedHashMap<>();
    rows.lines()
        .filter(line -> !line.isBlank())
        .forEach(
            line -> {
              String[] columns = line.split("\t", 2);
              String hex = columns.length > 1 ? columns[1] : "";
              values.put(
                  columns[0], new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8));
            });
    LOGGER.debug("chdb start-up settings: {}", values);
    return values;
  }
}
