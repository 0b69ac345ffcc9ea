package io.tokenmeter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.sink.SinkMetrics;
import io.tokenmeter.sink.SinkStatus.Phase;
import io.tokenmeter.sink.SinkStatus.Snapshot;
import io.tokenmeter.sink.config.SinkSettings;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkHttpServerTest {

  private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
  private static final Snapshot HEALTHY =
      new Snapshot(Phase.RUNNING, null, true, true, 2, 0, null, NOW);

  private final AtomicReference<Snapshot> status = new AtomicReference<>(HEALTHY);
  private final HttpClient client = HttpClient.newHttpClient();
  private SinkHttpServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        SinkHttpServer.start(
            "127.0.0.1",
            0,
            status::get,
            new SinkMetrics(),
            new HealthCheck(),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return client.send(
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswerReadyWith200WhenHealthyAnd503WithTheReasonWhenRetrying() throws Exception {
    HttpResponse<String> ready = send("GET", "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.headers().firstValue("Content-Type"))
        .contains("application/json; charset=utf-8");

    status.set(new Snapshot(Phase.RUNNING, null, true, true, 2, 1, "writing t failed: 252", NOW));
    HttpResponse<String> retrying = send("GET", "/health/ready");
    assertThat(retrying.statusCode()).isEqualTo(503);
    assertThat(retrying.body())
        .isEqualTo(
            "{\"status\":\"DOWN\",\"reason\":\"1 partition(s) retrying with backoff; last error:"
                + " writing t failed: 252\",\"phase\":\"RUNNING\",\"migrated\":true,"
                + "\"assignedPartitions\":2,\"retryingPartitions\":1}\n");
    assertThat(send("GET", "/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerLiveWith503AfterTheLoopFailed() throws Exception {
    status.set(new Snapshot(Phase.FAILED, "Error: x", true, true, 0, 0, null, NOW));
    HttpResponse<String> live = send("GET", "/health/live");
    assertThat(live.statusCode()).isEqualTo(503);
    assertThat(live.body()).startsWith("{\"status\":\"DOWN\",\"reason\":\"the sink loop failed:");
  }

  @Test
  void shouldServeMetricsAsPrometheusText() throws Exception {
    HttpResponse<String> metrics = send("GET", "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body().lines()).contains("tokenmeter_sink_assigned_partitions 2");
  }

  @Test
  void shouldRejectOtherPathsAndMethodsAndAnswerHeadWithoutABody() throws Exception {
    assertThat(send("GET", "/health/readyz").statusCode()).isEqualTo(404);
    HttpResponse<String> post = send("POST", "/health/ready");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    HttpResponse<String> head = send("HEAD", "/health/live");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void shouldStartNothingWhenThePortIsOff() {
    SinkSettings off =
        SinkSettings.builder()
            .bootstrapServers("k:9092")
            .schemaRegistryUrl("mock://x")
            .clickHouseJdbcUrl("jdbc:clickhouse://c:8123/default")
            .httpPort(SinkSettings.HTTP_PORT_OFF)
            .build();
    assertThat(
            SinkHttpServer.startIfEnabled(
                off, status::get, new SinkMetrics(), new HealthCheck(), Clock.systemUTC()))
        .isNull();
  }

  @Test
  void shouldSayWhichKeyToChangeWhenThePortIsTaken() {
    SinkSettings taken =
        SinkSettings.builder()
            .bootstrapServers("k:9092")
            .schemaRegistryUrl("mock://x")
            .clickHouseJdbcUrl("jdbc:clickhouse://c:8123/default")
            .httpHost("127.0.0.1")
            .httpPort(server.port())
            .build();
    assertThatThrownBy(
            () ->
                SinkHttpServer.startIfEnabled(
                    taken, status::get, new SinkMetrics(), new HealthCheck(), Clock.systemUTC()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("set tokenmeter.sink.http.port to a free port");
  }

  @Test
  void shouldFreeThePortOnClose() {
    server.close();
    assertThatThrownBy(() -> send("GET", "/health/live")).isInstanceOf(ConnectException.class);
  }
}
