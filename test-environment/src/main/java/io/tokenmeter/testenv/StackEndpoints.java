package io.tokenmeter.testenv;

import java.util.Objects;
import java.util.regex.Pattern;

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

  // External stacks take these URLs from the environment, where they may carry credentials
  // (user:password@host, ?password=...); this text goes to logs, so those parts are masked.
  private static final Pattern USER_INFO = Pattern.compile("//[^/@?#]*@");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)((?:password|token|secret|key)[^=&;]*=)[^&;]*");

  @Override
  public String toString() {
    return "StackEndpoints[kafkaBootstrapServers="
        + kafkaBootstrapServers
        + ", schemaRegistryUrl="
        + masked(schemaRegistryUrl)
        + ", clickHouseJdbcUrl="
        + masked(clickHouseJdbcUrl)
        + "]";
  }

  static String masked(String url) {
    String withoutUser = USER_INFO.matcher(url).replaceAll("//***@");
    return SECRET_PARAMETER.matcher(withoutUser).replaceAll("$1***");
  }
}
