package io.tokenmeter.sink;

import io.tokenmeter.registry.SchemaRegistryClient;
import io.tokenmeter.registry.SchemaRegistryClients;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.http.HealthCheck;
import io.tokenmeter.sink.http.SinkHttpServer;
import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.schema.MigrationRunner;
import io.tokenmeter.sink.schema.MigrationScripts;
import io.tokenmeter.sink.writer.JdbcRowWriter;
import io.tokenmeter.sink.writer.RowWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running sink instance: migrates the schema, then consumes the five topics into ClickHouse on
 * its own thread until {@link #close()}. Run more instances with the same group id to scale out.
 *
 * <pre>{@code
 * try (ClickHouseSink sink = ClickHouseSink.start(settings)) { ... }
 * }</pre>
 */
public final class ClickHouseSink implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(ClickHouseSink.class);

  private final SinkLoop loop;
  private final Thread thread;
  private final SinkMetrics metrics;
  private final Duration shutdownTimeout;
  private final SinkStatus status;
  private final SinkHttpServer http;
  private volatile Throwable failure;

  private ClickHouseSink(
      SinkLoop loop,
      SinkMetrics metrics,
      SinkStatus status,
      SinkHttpServer http,
      Duration shutdownTimeout,
      Runnable cleanup,
      Consumer<byte[], byte[]> consumer) {
    this.loop = loop;
    this.metrics = metrics;
    this.status = status;
    this.http = http;
    this.shutdownTimeout = shutdownTimeout;
    this.thread =
        Thread.ofPlatform()
            .name("tokenmeter-sink")
            .daemon(true)
            .unstarted(() -> runLoop(consumer, cleanup));
  }

  /** Migrates the schema and starts consuming, with the system UTC clock. */
  public static ClickHouseSink start(SinkSettings settings) throws SQLException {
    return start(settings, Clock.systemUTC());
  }

  /**
   * Starts the health endpoint first (so probes see "starting" rather than a refused connection
   * while migrations run), then migrates and starts consuming. If anything fails, the endpoint is
   * closed again and the error thrown.
   */
  public static ClickHouseSink start(SinkSettings settings, Clock clock) throws SQLException {
    SinkStatus status = new SinkStatus();
    SinkMetrics metrics = new SinkMetrics();
    SinkHttpServer http =
        SinkHttpServer.startIfEnabled(
            settings, status::snapshot, metrics, new HealthCheck(), clock);
    try {
      return start(settings, clock, status, metrics, http);
    } catch (SQLException | RuntimeException e) {
      if (http != null) {
        http.close();
      }
      throw e;
    }
  }

  private static ClickHouseSink start(
      SinkSettings settings,
      Clock clock,
      SinkStatus status,
      SinkMetrics metrics,
      SinkHttpServer http)
      throws SQLException {
    Connection connection = connect(settings);
    SchemaRegistryClient registry = SchemaRegistryClients.create(settings.consumerProperties());
    try {
      migrate(connection, settings, clock);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      registry.close();
      throw e;
    }
    status.migrated();
    ErrorClassifier classifier = new ErrorClassifier();
    RecordConverter converter =
        new RecordConverter(
            settings.topics(), registry, settings.consumerProperties(), classifier, clock);
    RowWriter writer = new JdbcRowWriter(connection, settings.insertPath());
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            settings.consumerProperties(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    SinkLoop loop =
        new SinkLoop(
            consumer,
            new BatchWriter(converter, writer, classifier, metrics),
            new PartitionRecovery(writer, converter, settings.recoverWrittenOffsets()),
            settings,
            classifier,
            metrics,
            status,
            clock);
    Runnable cleanup =
        () -> {
          converter.close();
          writer.close();
          registry.close();
        };
    ClickHouseSink sink =
        new ClickHouseSink(
            loop, metrics, status, http, settings.shutdownTimeout(), cleanup, consumer);
    loop.subscribe();
    status.phase(SinkStatus.Phase.RUNNING);
    sink.thread.start();
    LOGGER.info("Sink started: {} -> {}", settings.topics().all(), settings.clickHouseJdbcUrl());
    return sink;
  }

  /** Applies missing migrations only (e.g. from a deploy job); returns the versions applied. */
  public static List<Integer> migrate(SinkSettings settings, Clock clock) throws SQLException {
    try (Connection connection = connect(settings)) {
      return migrate(connection, settings, clock);
    }
  }

  private static List<Integer> migrate(Connection connection, SinkSettings settings, Clock clock)
      throws SQLException {
    MigrationScripts scripts =
        new MigrationScripts(settings.retentionDays(), settings.dedupWindow());
    return new MigrationRunner(scripts, clock).migrate(connection);
  }

  /**
   * clickhouse-jdbc waits for ever on a silent server by default; a bounded read lets the loop
   * classify the timeout as retriable and makes shutdown bounded. Overridable as a JDBC property.
   */
  public static final String DEFAULT_SOCKET_TIMEOUT_MS = "60000";

  private static Connection connect(SinkSettings settings) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("socket_timeout", DEFAULT_SOCKET_TIMEOUT_MS);
    properties.putAll(settings.jdbcProperties());
    return DriverManager.getConnection(settings.clickHouseJdbcUrl(), properties);
  }

  private void runLoop(Consumer<byte[], byte[]> consumer, Runnable cleanup) {
    try {
      loop.run();
    } catch (RuntimeException | Error e) {
      failure = e;
      status.failed(e);
      LOGGER.error("Sink loop stopped on an unexpected error", e);
    } finally {
      try {
        consumer.close(CloseOptions.timeout(shutdownTimeout));
      } finally {
        cleanup.run();
        if (failure == null) {
          status.phase(SinkStatus.Phase.STOPPED);
        }
      }
    }
  }

  public SinkMetrics metrics() {
    return metrics;
  }

  /** What the health endpoint reports, for callers that embed the sink. */
  public SinkStatus status() {
    return status;
  }

  /** The health and metrics endpoint's bound port, empty when it is off. */
  public OptionalInt httpPort() {
    return http == null ? OptionalInt.empty() : OptionalInt.of(http.port());
  }

  /** Whether the consumer thread is still running. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** The error that stopped the loop, or null. */
  public Throwable failure() {
    return failure;
  }

  /**
   * Stops consuming, writes what is buffered once, commits, and closes; waits at most twice the
   * shutdown timeout (final write, then consumer close).
   */
  @Override
  public void close() {
    if (status.snapshot().phase() == SinkStatus.Phase.RUNNING) {
      status.phase(SinkStatus.Phase.STOPPING);
    }
    loop.requestStop();
    try {
      thread.join(shutdownTimeout.multipliedBy(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOGGER.warn("Sink thread did not stop within {}; leaving it (daemon)", shutdownTimeout);
    }
    if (http != null) {
      http.close();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOGGER.warn("Closing the ClickHouse connection failed", e);
    }
  }
}
