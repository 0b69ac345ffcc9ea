package io.tokenmeter.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable, validated settings of one {@link EmbeddedKafka}. Build them with {@link
 * EmbeddedKafka#builder()}.
 *
 * @param dataDir the persistent data directory, or empty for a fresh temporary directory
 * @param deleteDataDirOnClose whether {@link EmbeddedKafka#close()} deletes the data directory
 * @param host the address the listeners bind to and advertise
 * @param port the broker (client) port; 0 picks a free one, reusing the previous port of a
 *     persistent data directory when it is still free
 * @param defaultPartitions partitions of auto-created topics and of {@link
 *     EmbeddedKafka#createTopics(String...)}
 * @param startTimeout how long {@link EmbeddedKafka#start()} waits for an accepting broker
 * @param closeTimeout how long {@link EmbeddedKafka#close()} waits for the broker to stop
 * @param brokerProperties extra broker properties, passed to the broker unchanged
 */
public record EmbeddedKafkaSettings(
    Optional<Path> dataDir,
    boolean deleteDataDirOnClose,
    String host,
    int port,
    int defaultPartitions,
    Duration startTimeout,
    Duration closeTimeout,
    Map<String, String> brokerProperties) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int ANY_FREE_PORT = 0;
  public static final int DEFAULT_PARTITIONS = 1;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Keys the embedded broker derives from the other settings; overriding them would break the
   * single-node wiring, so they are refused with a pointer to the setting to use instead.
   */
  static final Set<String> OWNED_BROKER_KEYS =
      Set.of(
          "process.roles",
          "node.id",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "controller.listener.names",
          "inter.broker.listener.name",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "log.dir",
          "log.dirs",
          "metadata.log.dir",
          "num.partitions");

  public EmbeddedKafkaSettings {
    Objects.requireNonNull(dataDir, "dataDir must not be null; use Optional.empty() for temp");
    Objects.requireNonNull(host, "host must not be null; the default is " + DEFAULT_HOST);
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank; use e.g. " + DEFAULT_HOST);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "port must be between 0 and 65535 (0 picks a free port), was " + port);
    }
    if (defaultPartitions < 1) {
      throw new IllegalArgumentException(
          "defaultPartitions must be at least 1, was " + defaultPartitions);
    }
    requirePositive("startTimeout", startTimeout);
    requirePositive("closeTimeout", closeTimeout);
    Objects.requireNonNull(brokerProperties, "brokerProperties must not be null");
    for (String key : brokerProperties.keySet()) {
      if (OWNED_BROKER_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "broker property '"
                + key
                + "' is set by EmbeddedKafka itself; use the builder's host/port/dataDir/"
                + "defaultPartitions settings instead of overriding it");
      }
    }
    brokerProperties = Map.copyOf(brokerProperties);
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
