package io.tokenmeter.registry;

import static io.tokenmeter.registry.FakeRegistryServer.ok;
import static io.tokenmeter.registry.FakeRegistryServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's transport: retries, fail-over, timeouts and authentication headers. */
class RestSchemaRegistryClientTransportTest {

  FakeRegistryServer server;
  RestSchemaRegistryClient client;

  @BeforeEach
  void start() throws IOException {
    server = new FakeRegistryServer();
    client =
        new RestSchemaRegistryClient(RestSchemaRegistryClientTest.config(server.url(), Map.of()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldRetryServerErrorsAndSucceed() {
    server.on(
        "POST /subjects/orders-value/versions",
        status(503, "{\"error_code\":50003,\"message\":\"forwarding failed\"}"),
        status(500, ""),
        ok("{\"id\":5}"));

    assertThat(client.register("orders-value", RestSchemaRegistryClientTest.ORDER)).isEqualTo(5);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void shouldNotRetryClientErrors() {
    server.on(
        "POST /subjects/orders-value/versions",
        status(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"));

    assertThatThrownBy(() -> client.register("orders-value", RestSchemaRegistryClientTest.ORDER))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("42201");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldGiveUpAfterMaxRetriesAsUnavailable() {
    server.on("GET /subjects", status(500, "{\"error_code\":50001,\"message\":\"store error\"}"));
    client =
        new RestSchemaRegistryClient(
            RestSchemaRegistryClientTest.config(
                server.url(), Map.of(RegistryClientConfig.MAX_RETRIES, "2")));

    assertThatThrownBy(() -> client.getAllSubjects())
        .isInstanceOfSatisfying(
            RegistryUnavailableException.class, e -> assertThat(e.errorCode()).isEqualTo(50001));
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void shouldFailOverToTheNextUrlWhenOneIsUnreachable() throws IOException {
    server.on("GET /subjects", ok("[\"a-value\",\"b-value\"]"));
    String urls = "http://127.0.0.1:" + closedPort() + "," + server.url();
    client =
        new RestSchemaRegistryClient(
            RestSchemaRegistryClientTest.config(
                urls, Map.of(RegistryClientConfig.MAX_RETRIES, "1")));

    assertThat(client.getAllSubjects()).containsExactly("a-value", "b-value");
  }

  @Test
  void shouldReportAnUnreachableRegistryAsUnavailable() throws IOException {
    client =
        new RestSchemaRegistryClient(
            RestSchemaRegistryClientTest.config(
                "http://127.0.0.1:" + closedPort(), Map.of(RegistryClientConfig.MAX_RETRIES, "1")));

    assertThatThrownBy(() -> client.getSchemaById(1))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void shouldTimeOutASilentRegistryAsUnavailable() throws IOException {
    // Accepts connections (the OS backlog does) but never answers.
    try (ServerSocket silent = new ServerSocket(0)) {
      client =
          new RestSchemaRegistryClient(
              RestSchemaRegistryClientTest.config(
                  "http://127.0.0.1:" + silent.getLocalPort(),
                  Map.of(
                      RegistryClientConfig.READ_TIMEOUT_MS,
                      "300",
                      RegistryClientConfig.MAX_RETRIES,
                      "0")));
      long start = System.nanoTime();

      assertThatThrownBy(() -> client.getAllSubjects())
          .isInstanceOf(RegistryUnavailableException.class)
          .hasMessageContaining("timed out");
      assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void shouldSendBasicAuthFromUrlUserInfo() {
    server.on("GET /subjects", ok("[]"));
    String url = server.url().replace("http://", "http://alice:s3cret@");
    new RestSchemaRegistryClient(RestSchemaRegistryClientTest.config(url, Map.of()))
        .getAllSubjects();

    // base64("alice:s3cret")
    assertThat(server.requests().get(0).header("Authorization"))
        .isEqualTo("Basic YWxpY2U6czNjcmV0");
  }

  @Test
  void shouldSendBasicAuthFromUserInfoSettingAndBearerToken() {
    server.on("GET /subjects", ok("[]"));
    new RestSchemaRegistryClient(
            RestSchemaRegistryClientTest.config(
                server.url(),
                Map.of(
                    "schema.registry.basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "bob:pw")))
        .getAllSubjects();
    new RestSchemaRegistryClient(
            RestSchemaRegistryClientTest.config(
                server.url(),
                Map.of("bearer.auth.token", "tok-1", "request.header.X-Tenant", "t1")))
        .getAllSubjects();

    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Basic Ym9iOnB3");
    assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer tok-1");
    assertThat(server.requests().get(1).header("X-Tenant")).isEqualTo("t1");
  }
}
