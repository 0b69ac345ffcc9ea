package io.tokenmeter.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalStackTest {

  @Test
  void shouldTakeTheEndpointsFromTheEnvironment() {
    ExternalStack stack =
        ExternalStack.fromEnvironment(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "SCHEMA_REGISTRY_URL", "http://r:8081",
                "CLICKHOUSE_JDBC_URL", "jdbc:clickhouse://c:8123/default"));

    assertThat(stack.endpoints())
        .isEqualTo(
            new StackEndpoints("k:9092", "http://r:8081", "jdbc:clickhouse://c:8123/default"));
    assertThat(stack.source()).isEqualTo(StackSource.EXTERNAL);
  }

  @Test
  void shouldNameEveryMissingVariable() {
    assertThatThrownBy(
            () -> ExternalStack.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[SCHEMA_REGISTRY_URL, CLICKHOUSE_JDBC_URL]");
  }
}
