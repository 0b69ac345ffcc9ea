package io.tokenmeter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryHttpTest {

  @Test
  void shouldDoubleTheWaitPerRetryUpToTheMaximum() {
    RegistryHttp http =
        new RegistryHttp(
            RegistryClientConfig.fromMap(
                Map.of(
                    "schema.registry.url", "http://localhost:1",
                    "retries.wait.ms", 100,
                    "retries.max.wait.ms", 350)));

    assertThat(http.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(http.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(http.backoff(3)).isEqualTo(Duration.ofMillis(350));
    assertThat(http.backoff(60)).isEqualTo(Duration.ofMillis(350));
  }
}
