package io.tokenmeter.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code ./tokenmeter dev} was asked to do. Fixed default ports so that clients configured
 * once reconnect to a second {@code dev} on the same data directory; port 0 means any free port
 * (tests).
 *
 * @param dataDir where Kafka, the registry, ClickHouse and Kafka Streams keep their data
 * @param demo whether demo traffic is published
 * @param demoEventLimit stop the demo after this many events (0 = until stopped)
 * @param demoRate demo events per second
 * @param kafkaPort broker port
 * @param registryPort schema registry port
 * @param clickHousePort ClickHouse HTTP port
 * @param apiPort the stream processor's HTTP spend API port
 * @param refresh live view refresh interval
 */
public record DevOptions(
    Path dataDir,
    boolean demo,
    long demoEventLimit,
    int demoRate,
    int kafkaPort,
    int registryPort,
    int clickHousePort,
    int apiPort,
    Duration refresh) {

  /** Relative to the working directory, so each checkout has its own dev data (and .gitignore). */
  public static final Path DEFAULT_DATA_DIR = Path.of(".tokenmeter-dev");

  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final int DEFAULT_REGISTRY_PORT = 8081;
  public static final int DEFAULT_CLICKHOUSE_PORT = 8123;
  public static final int DEFAULT_API_PORT = 8080;
  public static final int DEFAULT_DEMO_RATE = 20;
  public static final long DEFAULT_DEMO_EVENT_LIMIT = 0;
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(2);
  static final int MAX_DEMO_RATE = 10_000;

  public DevOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(refresh, "refresh");
    requirePort(kafkaPort, DevArguments.KAFKA_PORT);
    requirePort(registryPort, DevArguments.REGISTRY_PORT);
    requirePort(clickHousePort, DevArguments.CLICKHOUSE_PORT);
    requirePort(apiPort, DevArguments.API_PORT);
    if (demoRate < 1 || demoRate > MAX_DEMO_RATE) {
      throw new IllegalArgumentException(
          DevArguments.DEMO_RATE
              + " must be between 1 and "
              + MAX_DEMO_RATE
              + " events per second, got "
              + demoRate);
    }
    if (demoEventLimit < 0) {
      throw new IllegalArgumentException(
          DevArguments.DEMO_EVENTS + " must be 0 (until stopped) or more, got " + demoEventLimit);
    }
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("the refresh interval must be positive, got " + refresh);
    }
    int[] ports = {kafkaPort, registryPort, clickHousePort, apiPort};
    for (int i = 0; i < ports.length; i++) {
      for (int j = i + 1; j < ports.length; j++) {
        if (ports[i] != 0 && ports[i] == ports[j]) {
          throw new IllegalArgumentException(
              "two services were given the same port "
                  + ports[i]
                  + "; give --kafka-port, --registry-port, --clickhouse-port and --api-port different values");
        }
      }
    }
  }

  /** Every default: data in {@link #DEFAULT_DATA_DIR}, demo on, the usual ports. */
  public static DevOptions defaults() {
    return new DevOptions(
        DEFAULT_DATA_DIR,
        true,
        DEFAULT_DEMO_EVENT_LIMIT,
        DEFAULT_DEMO_RATE,
        DEFAULT_KAFKA_PORT,
        DEFAULT_REGISTRY_PORT,
        DEFAULT_CLICKHOUSE_PORT,
        DEFAULT_API_PORT,
        DEFAULT_REFRESH);
  }

  private static void requirePort(int port, String flag) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          flag + " must be a TCP port between 1 and 65535 (0 = any free port), got " + port);
    }
  }
}
