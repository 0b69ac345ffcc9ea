package io.tokenmeter.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

  private static final ConnectionSettings WITH_SECRETS =
      new ConnectionSettings(
          "kafka:9092",
          "https://svc:hunter2@registry.example:8081",
          Map.of("sasl.jaas.config", "PlainLoginModule required password=\"hunter2\";"));

  @Test
  void shouldMaskTheRegistryPasswordInMessages() {
    assertThat(WITH_SECRETS.registryUrlForDisplay()).isEqualTo("https://***@registry.example:8081");
    assertThat(WITH_SECRETS.registryUrl()).contains("svc:hunter2@");
  }

  @Test
  void shouldPrintNoSecretWhenTurnedIntoText() {
    assertThat(WITH_SECRETS.toString())
        .doesNotContain("hunter2")
        .contains("kafka:9092")
        .contains("sasl.jaas.config");
  }

  @Test
  void shouldNameTheRegistryUrlInAFailureWithoutItsPassword() {
    CliFailure failure =
        KafkaFailures.describe(
            new IllegalStateException("schema registry refused the request"),
            WITH_SECRETS,
            "publish to t");

    assertThat(failure.getMessage())
        .contains("https://***@registry.example:8081")
        .doesNotContain("hunter2");
  }
}
