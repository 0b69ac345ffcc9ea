package io.tokenmeter.embedded.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

  private final Authenticator authenticator =
      new Authenticator(List.of(ClickHouseUser.DEFAULT, new ClickHouseUser("alice", "p@ss:wörd")));

  @Test
  void shouldAcceptBasicAuthWithTheRightPassword() throws ClickHouseError {
    assertThat(authenticate(basic("alice:p@ss:wörd"), "")).isEqualTo("alice");
  }

  @Test
  void shouldAcceptTheDriversLiteralNullForAUserWithoutPassword() throws ClickHouseError {
    assertThat(authenticate(basic("default:null"), "")).isEqualTo("default");
    assertThat(authenticate(basic("default:"), "")).isEqualTo("default");
  }

  @Test
  void shouldRejectTheLiteralNullForAUserWithAPassword() {
    assertThatThrownBy(() -> authenticate(basic("alice:null"), ""))
        .isInstanceOfSatisfying(
            ClickHouseError.class,
            e -> {
              assertThat(e.code()).isEqualTo(516);
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.getMessage())
                  .startsWith("Code: 516. DB::Exception: alice: Authentication failed")
                  .endsWith("(AUTHENTICATION_FAILED) (version 26.5.1.1)");
            });
  }

  @Test
  void shouldRejectAWrongPasswordAndAnUnknownUser() {
    assertThatThrownBy(() -> authenticate(basic("alice:wrong"), ""))
        .isInstanceOf(ClickHouseError.class);
    assertThatThrownBy(() -> authenticate(basic("mallory:"), ""))
        .isInstanceOf(ClickHouseError.class);
  }

  @Test
  void shouldAcceptClickHouseUserAndKeyHeaders() throws ClickHouseError {
    Headers headers = new Headers();
    headers.add("X-ClickHouse-User", "alice");
    headers.add("X-ClickHouse-Key", "p@ss:wörd");
    assertThat(authenticate(headers, "")).isEqualTo("alice");
  }

  @Test
  void shouldDecodeTheDriversRfc5987KeyHeader() throws ClickHouseError {
    Headers headers = new Headers();
    headers.add("X-ClickHouse-User", "alice");
    headers.add("X-ClickHouse-Key*", "UTF-8''p%40ss%3Aw%C3%B6rd");
    assertThat(authenticate(headers, "")).isEqualTo("alice");
  }

  @Test
  void shouldFallBackToUrlParametersThenToTheDefaultUser() throws ClickHouseError {
    assertThat(authenticate(new Headers(), "user=alice&password=p%40ss%3Aw%C3%B6rd"))
        .isEqualTo("alice");
    assertThat(authenticate(new Headers(), "")).isEqualTo("default");
  }

  @Test
  void shouldRejectBearerTokensClearly() {
    Headers headers = new Headers();
    headers.add("Authorization", "Bearer abc");
    assertThatThrownBy(() -> authenticate(headers, ""))
        .hasMessageContaining("'bearer' is not supported");
  }

  @Test
  void shouldRejectBasicCredentialsThatAreNotBase64() {
    Headers headers = new Headers();
    headers.add("Authorization", "Basic !!!");
    assertThatThrownBy(() -> authenticate(headers, "")).hasMessageContaining("base64");
  }

  private String authenticate(Headers headers, String query) throws ClickHouseError {
    return authenticator.authenticate(headers, QueryParameters.parse(query), FakeEngine.VERSION);
  }

  private static Headers basic(String userColonPassword) {
    Headers headers = new Headers();
    headers.add(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }
}
