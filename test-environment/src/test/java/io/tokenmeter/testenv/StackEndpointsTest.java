package io.tokenmeter.testenv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackEndpointsTest {

  @Test
  void shouldMaskCredentialsWhenPrinted() {
    StackEndpoints endpoints =
        new StackEndpoints(
            "kafka:9092",
            "https://svc:hunter2@registry.example:8081",
            "jdbc:clickhouse://db:8123/default?user=app&password=hunter2&compress=1");

    assertThat(endpoints.toString())
        .doesNotContain("hunter2")
        .doesNotContain("svc:")
        .contains("kafka:9092")
        .contains("https://***@registry.example:8081")
        .contains("jdbc:clickhouse://db:8123/default?user=app&password=***&compress=1");
  }

  @Test
  void shouldKeepUrlsWithoutCredentialsAsTheyAre() {
    assertThat(StackEndpoints.masked("http://127.0.0.1:8081")).isEqualTo("http://127.0.0.1:8081");
    assertThat(StackEndpoints.masked("jdbc:clickhouse://127.0.0.1:8123/default"))
        .isEqualTo("jdbc:clickhouse://127.0.0.1:8123/default");
  }
}
