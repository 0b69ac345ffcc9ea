package io.tokenmeter.testenv;

import java.util.Objects;

/**
 * How an integration test reaches the three services it needs, whatever provides them.
 *
 * @param kafkaBootstrapServers Kafka {@code bootstrap.servers}
 * @param schemaRegistryUrl a Confluent-API schema registry base URL
 * @param clickHouseJdbcUrl a clickhouse-jdbc URL ({@code jdbc:clickhouse://host:port/db})
 */
public record StackEndpoints(
    String kafkaBootstrapServers, String schemaRegistryUrl, String clickHouseJdbcUrl) {

  public StackEndpoints {
    Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(clickHouseJdbcUrl, "clickHouseJdbcUrl");
  }
}
