package io.tokenmeter.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one node) running inside this JVM, from
 * the {@code kafka_2.13} jars. Configured for one node, so consumer groups and transactions ({@code
 * exactly_once_v2}) work.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
 *   kafka.createTopics("events");
 *   String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>Kafka's own logs are kept at WARN under slf4j-simple (see {@link QuietKafkaLogging}); set
 * {@code -Dorg.slf4j.simpleLogger.log.org.apache.kafka=info} (and {@code ...log.kafka=info}) to see
 * them.
 *
 * <p>{@link #stop()} and {@link #start()} again (or {@link #restart()}) keep the data directory; so
 * does a new instance built on the same persistent {@code dataDir}. Not thread-safe beyond its
 * lifecycle methods, which are synchronized.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedKafka.class);

  static {
    QuietKafkaLogging.applyUnlessConfigured();
  }

  private final EmbeddedKafkaSettings settings;
  private KafkaDataDir dataDir;
  private KafkaRaftServer server;
  private DataDirLock lock;
  private ListenerPorts ports;
  private String clusterId;
  private Duration startupDuration;
  private boolean closed;

  EmbeddedKafka(EmbeddedKafkaSettings settings) {
    this.settings = settings;
  }

  public static EmbeddedKafkaBuilder builder() {
    return new EmbeddedKafkaBuilder();
  }

  public EmbeddedKafkaSettings settings() {
    return settings;
  }

  /**
   * Formats the data directory if it is new, starts the broker and returns once it answers an admin
   * describeCluster call. Fails after {@link EmbeddedKafkaSettings#startTimeout()}.
   */
  public synchronized EmbeddedKafka start() {
    if (closed) {
      throw new IllegalStateException("this EmbeddedKafka is closed; build a new one");
    }
    if (server != null) {
      throw new IllegalStateException("already running at " + bootstrapServers());
    }
    long began = System.nanoTime();
    if (dataDir == null) {
      dataDir = settings.dataDir().map(KafkaDataDir::new).orElseGet(KafkaDataDir::createTemporary);
    }
    lock = DataDirLock.acquire(dataDir.root());
    try {
      ports = ListenerPorts.choose(settings.host(), settings.port(), dataDir.previousPorts());
      Map<String, String> properties = BrokerProperties.of(settings, ports, dataDir.logDir());
      clusterId = dataDir.prepare(properties);
      server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
      KafkaRaftServer starting = server;
      if (!BoundedTask.run("embedded-kafka-startup", starting::startup, settings.startTimeout())) {
        throw new IllegalStateException(
            "Kafka did not start within " + settings.startTimeout() + "; see the broker log");
      }
      dataDir.rememberPorts(ports);
      Duration remaining = settings.startTimeout().minusNanos(System.nanoTime() - began);
      KafkaAdminCalls.awaitAcceptingClients(bootstrapServers(), positive(remaining));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while starting Kafka", e);
    } catch (RuntimeException | Error e) {
      stop();
      throw e;
    }
    startupDuration = Duration.ofNanos(System.nanoTime() - began);
    LOGGER.info(
        "Kafka {} ready at {} in {} ms (cluster {}, data {})",
        kafkaVersion(),
        bootstrapServers(),
        startupDuration.toMillis(),
        clusterId,
        dataDir.root());
    return this;
  }

  /**
   * Stops the broker and keeps the data directory, so {@link #start()} can run it again. Waits at
   * most {@link EmbeddedKafkaSettings#closeTimeout()}; a broker still stopping after that is left
   * to finish on a daemon thread and a warning is logged. Does nothing when not running.
   */
  public synchronized void stop() {
    KafkaRaftServer stopping = server;
    server = null;
    try {
      if (stopping != null) {
        shutdown(stopping);
      }
    } finally {
      if (lock != null) {
        lock.close();
        lock = null;
      }
    }
  }

  private void shutdown(KafkaRaftServer stopping) {
    long began = System.nanoTime();
    try {
      Runnable shutdown =
          () -> {
            stopping.shutdown();
            stopping.awaitShutdown();
          };
      if (BoundedTask.run("embedded-kafka-shutdown", shutdown, settings.closeTimeout())) {
        LOGGER.info("Kafka stopped in {} ms", (System.nanoTime() - began) / 1_000_000);
      } else {
        LOGGER.warn("Kafka did not stop within {}; continuing", settings.closeTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOGGER.warn("interrupted while stopping Kafka; it keeps stopping in the background");
    } catch (RuntimeException e) {
      LOGGER.warn("Kafka shutdown failed: {}", e.toString());
    }
  }

  /** {@link #stop()} then {@link #start()} on the same data directory and, if free, ports. */
  public synchronized EmbeddedKafka restart() {
    stop();
    return start();
  }

  /** Stops the broker (bounded) and deletes the data directory if configured. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    if (dataDir != null && settings.deleteDataDirOnClose()) {
      dataDir.delete();
    }
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** {@code host:port} for clients' {@code bootstrap.servers}. */
  public synchronized String bootstrapServers() {
    return settings.host() + ":" + port();
  }

  /** The broker (client) port of the current or last run. */
  public synchronized int port() {
    return requireStarted().broker();
  }

  public synchronized String clusterId() {
    requireStarted();
    return clusterId;
  }

  /** The data directory of the current or last run (a temporary one unless configured). */
  public synchronized Path dataDir() {
    requireStarted();
    return dataDir.root();
  }

  /** Time from {@link #start()} to a broker answering describeCluster, if it has started. */
  public synchronized Optional<Duration> startupDuration() {
    return Optional.ofNullable(startupDuration);
  }

  /** Creates topics with the default partition count and one replica; existing ones are kept. */
  public void createTopics(String... names) {
    createTopics(
        Arrays.stream(names)
            .map(name -> new NewTopic(name, settings.defaultPartitions(), (short) 1))
            .toList());
  }

  /** Creates the given topics; topics that already exist are left unchanged. */
  public void createTopics(Collection<NewTopic> topics) {
    String bootstrap;
    synchronized (this) {
      if (server == null) {
        throw new IllegalStateException("Kafka is not running; call start() first");
      }
      bootstrap = bootstrapServers();
    }
    try {
      KafkaAdminCalls.createTopics(bootstrap, List.copyOf(topics), settings.startTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private ListenerPorts requireStarted() {
    if (ports == null) {
      throw new IllegalStateException("Kafka has not been started; call start() first");
    }
    return ports;
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() || duration.isZero() ? Duration.ofMillis(1) : duration;
  }

  private static String kafkaVersion() {
    return AppInfoParser.getVersion();
  }
}
