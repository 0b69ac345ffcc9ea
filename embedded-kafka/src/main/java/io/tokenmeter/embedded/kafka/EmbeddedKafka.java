package io.tokenmeter.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.AppInfoParser;
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
 * <p>{@link #stop()} and {@link #start()} again (or {@link #restart()}) keep the data directory and
 * reuse the ports if they are free; so does a new instance built on the same persistent {@code
 * dataDir}. Only one running instance may use a data directory at a time.
 *
 * <p>Kafka's own logs are kept at WARN under slf4j-simple (see {@link QuietKafkaLogging}); set
 * {@code -Dorg.slf4j.simpleLogger.log.org.apache.kafka=info} (and {@code ...log.kafka=info}) to see
 * them.
 */
public final class EmbeddedKafka implements AutoCloseable {

  static {
    // Before any logger of this class or of Kafka is created.
    QuietKafkaLogging.applyUnlessConfigured();
  }

  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final EmbeddedKafkaSettings settings;
  private KafkaDataDir dataDir;
  private KafkaNode node;
  private KafkaNode lastNode;
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
    if (node != null) {
      throw new IllegalStateException("already running at " + node.bootstrapServers());
    }
    if (dataDir == null) {
      dataDir = settings.dataDir().map(KafkaDataDir::new).orElseGet(KafkaDataDir::createTemporary);
    }
    long began = System.nanoTime();
    try {
      node = KafkaNode.start(settings, dataDir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Kafka", e);
    }
    lastNode = node;
    startupDuration = Duration.ofNanos(System.nanoTime() - began);
    LOGGER.info(
        "Kafka {} ready at {} in {} ms (cluster {}, data {})",
        AppInfoParser.getVersion(),
        node.bootstrapServers(),
        startupDuration.toMillis(),
        node.clusterId(),
        dataDir.root());
    return this;
  }

  /**
   * Stops the broker and keeps the data directory, so {@link #start()} can run it again. Waits at
   * most {@link EmbeddedKafkaSettings#closeTimeout()}; a broker still stopping after that is left
   * to finish on a daemon thread and a warning is logged. Does nothing when not running.
   */
  public synchronized void stop() {
    if (node != null) {
      KafkaNode stopping = node;
      node = null;
      stopping.stop(settings.closeTimeout());
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
    return node != null;
  }

  /** {@code host:port} for clients' {@code bootstrap.servers}, of the current or last run. */
  public synchronized String bootstrapServers() {
    return requireStarted().bootstrapServers();
  }

  /** The broker (client) port of the current or last run. */
  public synchronized int port() {
    return requireStarted().ports().broker();
  }

  /** The cluster id stored in the data directory's meta.properties. */
  public synchronized String clusterId() {
    return requireStarted().clusterId();
  }

  /** The data directory of the current or last run (a temporary one unless configured). */
  public synchronized Path dataDir() {
    requireStarted();
    return dataDir.root();
  }

  /** Time from {@link #start()} to a broker answering describeCluster, once started. */
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
      if (node == null) {
        throw new IllegalStateException("Kafka is not running; call start() first");
      }
      bootstrap = node.bootstrapServers();
    }
    try {
      KafkaAdminCalls.createTopics(bootstrap, List.copyOf(topics), settings.startTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private KafkaNode requireStarted() {
    if (lastNode == null) {
      throw new IllegalStateException("Kafka has not been started; call start() first");
    }
    return lastNode;
  }
}
