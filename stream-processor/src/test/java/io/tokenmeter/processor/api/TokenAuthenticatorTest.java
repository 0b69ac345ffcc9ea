package io.tokenmeter.processor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.processor.config.SettingsLayers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {
  private static final ApiSettings SETTINGS =
      ApiSettings.from(
          Map.of(
              ApiSettings.ADMIN_TOKENS, "admin-secret",
              ApiSettings.TENANT_TOKENS, "acme:acme-secret, globex:globex-secret"));
  private final TokenAuthenticator authenticator = new TokenAuthenticator(SETTINGS);

  @Test
  void shouldRecognizeAdminToken() {
    assertThat(authenticator.authenticate("Bearer admin-secret")).contains(Caller.ADMIN);
  }

  @Test
  void shouldMapTenantTokenToItsTenantOnly() {
    Caller caller = authenticator.authenticate("Bearer globex-secret").orElseThrow();
    assertThat(caller.admin()).isFalse();
    assertThat(caller.maySee("globex")).isTrue();
    assertThat(caller.maySee("acme")).isFalse();
    assertThat(Caller.ADMIN.maySee("acme")).isTrue();
  }

  @Test
  void shouldRejectMissingMalformedAndUnknownTokens() {
    assertThat(authenticator.authenticate(null)).isEmpty();
    assertThat(authenticator.authenticate("Bearer ")).isEmpty();
    assertThat(authenticator.authenticate("Basic YWRtaW4tc2VjcmV0")).isEmpty();
    assertThat(authenticator.authenticate("admin-secret")).isEmpty();
    assertThat(authenticator.authenticate("Bearer admin-secreT")).isEmpty();
    assertThat(authenticator.authenticate("Bearer acme")).isEmpty();
  }

  @Test
  void shouldNeverPrintTokens() {
    assertThat(SETTINGS.toString())
        .doesNotContain("secret")
        .contains("adminTokens=1")
        .contains("tenantTokens=2");
  }

  @Test
  void shouldRejectMalformedTenantTokenEntryWithoutEchoingIt() {
    assertThatThrownBy(
            () -> ApiSettings.from(Map.of(ApiSettings.TENANT_TOKENS, "acme:ok,leaked-secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant:token")
        .hasMessageNotContaining("leaked-secret");
  }

  @Test
  void shouldRejectTokenSharedByTwoCallers() {
    assertThatThrownBy(
            () ->
                ApiSettings.from(
                    Map.of(
                        ApiSettings.ADMIN_TOKENS, "same",
                        ApiSettings.TENANT_TOKENS, "acme:same")))
        .hasMessageContaining("reuses a token");
  }

  @Test
  void shouldReadPortWithDefaultFreeAndOff() {
    assertThat(ApiSettings.from(Map.of()).port()).isEqualTo(ApiSettings.DEFAULT_PORT);
    assertThat(ApiSettings.from(Map.of(ApiSettings.PORT, "0")).port()).isZero();
    assertThat(ApiSettings.from(Map.of(ApiSettings.PORT, "-1")).enabled()).isFalse();
    assertThatThrownBy(() -> ApiSettings.from(Map.of(ApiSettings.PORT, "http")))
        .hasMessageContaining("use 1-65535, 0 for any free port, or -1 to turn off");
  }

  @Test
  void shouldReadTokensFromTheEnvironmentLayer() {
    var settings =
        SettingsLayers.load(
            null,
            Map.of("TOKENMETER_API_TENANT_TOKENS", "acme:env-secret", "TOKENMETER_API_PORT", "0"));
    ApiSettings api = ApiSettings.from(settings.all());

    assertThat(api.port()).isZero();
    assertThat(new TokenAuthenticator(api).authenticate("Bearer env-secret"))
        .contains(Caller.tenant("acme"));
    assertThat(settings.toString()).doesNotContain("env-secret");
  }
}
