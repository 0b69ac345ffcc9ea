package io.tokenmeter.testenv;

import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka, a Confluent schema registry and ClickHouse server as Testcontainers images. */
final class ContainersStack implements Stack {

  static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
  static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:7.9.0";
  static final String CLICKHOUSE_IMAGE = "clickhouse/clickhouse-server:25.8";
  private static final String KAFKA_ALIAS = "kafka";
  private static final String KAFKA_INTERNAL_LISTENER = KAFKA_ALIAS + ":19092";
  private static final int REGISTRY_PORT = 8081;

  private final Network network;
  private final KafkaContainer kafka;
  private final GenericContainer<?> registry;
  private final ClickHouseContainer clickHouse;

  private ContainersStack(
      Network network,
      KafkaContainer kafka,
      GenericContainer<?> registry,
      ClickHouseContainer clickHouse) {
    this.network = network;
    this.kafka = kafka;
    this.registry = registry;
    this.clickHouse = clickHouse;
  }

  static ContainersStack start() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          "-D"
              + StackSource.PROPERTY
              + "=containers needs a running Docker engine and none was found. Use the embedded"
              + " stack (the default) or -D"
              + StackSource.PROPERTY
              + "=external with KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL and"
              + " CLICKHOUSE_JDBC_URL.");
    }
    Network network = Network.newNetwork();
    KafkaContainer kafka =
        new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
            .withNetwork(network)
            .withNetworkAliases(KAFKA_ALIAS)
            .withListener(KAFKA_INTERNAL_LISTENER);
    kafka.start();
    GenericContainer<?> registry =
        new GenericContainer<>(DockerImageName.parse(REGISTRY_IMAGE))
            .withNetwork(network)
            .withExposedPorts(REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
            .withEnv(
                "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS",
                "PLAINTEXT://" + KAFKA_INTERNAL_LISTENER)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200))
            .withStartupTimeout(Duration.ofMinutes(2));
    registry.start();
    ClickHouseContainer clickHouse = new ClickHouseContainer(CLICKHOUSE_IMAGE);
    clickHouse.start();
    return new ContainersStack(network, kafka, registry, clickHouse);
  }

  @Override
  public StackEndpoints endpoints() {
    String registryUrl =
        "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
    String jdbcUrl =
        "jdbc:clickhouse://"
            + clickHouse.getHost()
            + ":"
            + clickHouse.getMappedPort(8123)
            + "/default?user="
            + clickHouse.getUsername()
            + "&password="
            + clickHouse.getPassword();
    return new StackEndpoints(kafka.getBootstrapServers(), registryUrl, jdbcUrl);
  }

  @Override
  public StackSource source() {
    return StackSource.CONTAINERS;
  }

  @Override
  public void close() {
    clickHouse.stop();
    registry.stop();
    kafka.stop();
    network.close();
  }
}
