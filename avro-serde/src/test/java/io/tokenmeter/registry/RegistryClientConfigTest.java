package io.tokenmeter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryClientConfigTest {

  @Test
  void shouldUseConfluentDefaults() {
    RegistryClientConfig config = RegistryClientConfig.forUrl("http://a:8081, http://b:8081/");

    assertThat(config.urls()).hasSize(2);
    assertThat(config.maxRetries()).isEqualTo(RegistryClientConfig.DEFAULT_MAX_RETRIES);
    assertThat(config.retriesWait()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.retriesMaxWait()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.basicAuthSource()).isEqualTo(RegistryClientConfig.BasicAuthSource.URL);
    assertThat(config.mockScope()).isEmpty();
  }

  @Test
  void shouldLetThePrefixedKeyWinOverTheBareOne() {
    RegistryClientConfig config =
        RegistryClientConfig.fromMap(
            Map.of(
                "schema.registry.url", "http://a",
                "max.retries", 1,
                "schema.registry.max.retries", "5",
                "basic.auth.user.info", "x:y",
                "schema.registry.basic.auth.user.info", "u:p"));

    assertThat(config.maxRetries()).isEqualTo(5);
    assertThat(config.basicAuthUserInfo()).isEqualTo("u:p");
  }

  @Test
  void shouldRecognizeMockScope() {
    assertThat(RegistryClientConfig.forUrl("mock://unit-a").mockScope()).contains("unit-a");
  }

  @Test
  void shouldExplainAMissingUrl() {
    assertThatThrownBy(() -> RegistryClientConfig.fromMap(Map.of("max.retries", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageContaining("mock://");
  }

  @Test
  void shouldRejectBadValuesWithTheKeyName() {
    assertThatThrownBy(() -> config(Map.of("max.retries", "-1")))
        .hasMessageContaining("max.retries '-1'");
    assertThatThrownBy(() -> config(Map.of("http.read.timeout.ms", "soon")))
        .hasMessageContaining("http.read.timeout.ms");
    assertThatThrownBy(() -> config(Map.of("basic.auth.credentials.source", "SASL_INHERIT")))
        .hasMessageContaining("USER_INFO");
    assertThatThrownBy(() -> config(Map.of("basic.auth.credentials.source", "USER_INFO")))
        .hasMessageContaining("user:password");
    assertThatThrownBy(
            () -> config(Map.of("bearer.auth.token", "t", "basic.auth.user.info", "u:p")))
        .hasMessageContaining("only one");
    assertThatThrownBy(() -> config(Map.of("retries.wait.ms", "50", "retries.max.wait.ms", "10")))
        .hasMessageContaining("retries.max.wait.ms");
    assertThatThrownBy(() -> RegistryClientConfig.forUrl("ftp://x"))
        .hasMessageContaining("http://");
    assertThatThrownBy(() -> RegistryClientConfig.forUrl("mock://a,http://b"))
        .hasMessageContaining("one mock://");
  }

  @Test
  void shouldNotPrintCredentials() {
    RegistryClientConfig config = config(Map.of("bearer.auth.token", "very-secret"));

    assertThat(config.toString()).doesNotContain("very-secret");
  }

  private static RegistryClientConfig config(Map<String, String> extra) {
    Map<String, Object> settings = new java.util.HashMap<>(extra);
    settings.put("schema.registry.url", "http://localhost:8081");
    return RegistryClientConfig.fromMap(settings);
  }
}
