package io.tokenmeter.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds an {@link EmbeddedKafka}. Defaults: a temporary data directory deleted on close, any free
 * port on {@value EmbeddedKafkaSettings#DEFAULT_HOST}, one partition per topic.
 */
public final class EmbeddedKafkaBuilder {

  private Optional<Path> dataDir = Optional.empty();
  private Boolean deleteDataDirOnClose;
  private String host = EmbeddedKafkaSettings.DEFAULT_HOST;
  private int port = EmbeddedKafkaSettings.ANY_FREE_PORT;
  private int defaultPartitions = EmbeddedKafkaSettings.DEFAULT_PARTITIONS;
  private Duration startTimeout = EmbeddedKafkaSettings.DEFAULT_START_TIMEOUT;
  private Duration closeTimeout = EmbeddedKafkaSettings.DEFAULT_CLOSE_TIMEOUT;
  private final Map<String, String> brokerProperties = new LinkedHashMap<>();

  EmbeddedKafkaBuilder() {}

  /**
   * A persistent data directory (created if missing), kept on close unless {@link
   * #deleteDataDirOnClose(boolean)} says otherwise. Starting again on it keeps topics and offsets.
   */
  public EmbeddedKafkaBuilder dataDir(Path dir) {
    this.dataDir = Optional.of(Objects.requireNonNull(dir, "dataDir must not be null"));
    return this;
  }

  /** Overrides the default: delete temporary data directories, keep persistent ones. */
  public EmbeddedKafkaBuilder deleteDataDirOnClose(boolean delete) {
    this.deleteDataDirOnClose = delete;
    return this;
  }

  public EmbeddedKafkaBuilder host(String host) {
    this.host = host;
    return this;
  }

  /** The client port; 0 (the default) picks a free one. */
  public EmbeddedKafkaBuilder port(int port) {
    this.port = port;
    return this;
  }

  public EmbeddedKafkaBuilder defaultPartitions(int partitions) {
    this.defaultPartitions = partitions;
    return this;
  }

  public EmbeddedKafkaBuilder startTimeout(Duration timeout) {
    this.startTimeout = timeout;
    return this;
  }

  public EmbeddedKafkaBuilder closeTimeout(Duration timeout) {
    this.closeTimeout = timeout;
    return this;
  }

  /** A broker property passed through unchanged; it wins over the embedded defaults. */
  public EmbeddedKafkaBuilder brokerProperty(String key, String value) {
    Objects.requireNonNull(key, "broker property key must not be null");
    Objects.requireNonNull(value, () -> "value of broker property '" + key + "' must not be null");
    brokerProperties.put(key, value);
    return this;
  }

  public EmbeddedKafkaBuilder brokerProperties(Map<String, String> properties) {
    properties.forEach(this::brokerProperty);
    return this;
  }

  /** Validates the settings; the broker is not started until {@link EmbeddedKafka#start()}. */
  public EmbeddedKafka build() {
    return new EmbeddedKafka(settings());
  }

  EmbeddedKafkaSettings settings() {
    boolean delete = deleteDataDirOnClose != null ? deleteDataDirOnClose : dataDir.isEmpty();
    return new EmbeddedKafkaSettings(
        dataDir,
        delete,
        host,
        port,
        defaultPartitions,
        startTimeout,
        closeTimeout,
        brokerProperties);
  }
}
