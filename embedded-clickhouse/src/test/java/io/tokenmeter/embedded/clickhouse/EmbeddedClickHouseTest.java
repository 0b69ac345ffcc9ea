package io.tokenmeter.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.clickhouse.engine.QueryEngine;
import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedClickHouseTest {

  @TempDir Path dataDirectory;

  private final AtomicInteger closes = new AtomicInteger();

  @Test
  void shouldServeOnAFreePortAndCloseTheEngineOnce() throws Exception {
    Path[] opened = new Path[1];
    EmbeddedClickHouse clickHouse =
        EmbeddedClickHouse.builder()
            .dataDirectory(dataDirectory)
            .engineOpener(
                dir -> {
                  opened[0] = dir;
                  return engine();
                })
            .build()
            .start();
    try (clickHouse;
        HttpClient client = HttpClient.newHttpClient()) {
      assertThat(opened[0]).isEqualTo(dataDirectory);
      assertThat(clickHouse.port()).isPositive();
      assertThat(clickHouse.jdbcUrl())
          .isEqualTo("jdbc:clickhouse://127.0.0.1:" + clickHouse.port() + "/default");
      HttpResponse<String> ping =
          client.send(
              HttpRequest.newBuilder(URI.create(clickHouse.httpUrl() + "/ping")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ping.body()).isEqualTo("Ok.\n");
      assertThat(clickHouse.startupTime()).isPositive();
    }
    clickHouse.close();
    assertThat(closes).hasValue(1);
    assertThatThrownBy(clickHouse::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRequireADataDirectoryAndValidSettings() {
    assertThatThrownBy(() -> EmbeddedClickHouse.builder().build())
        .hasMessageContaining("dataDirectory is required");
    assertThatThrownBy(() -> EmbeddedClickHouse.builder().port(70_000))
        .hasMessageContaining("65535");
    assertThatThrownBy(() -> EmbeddedClickHouse.builder().maxRequestBytes(0))
        .hasMessageContaining("positive");
    assertThatThrownBy(
            () ->
                EmbeddedClickHouse.builder()
                    .dataDirectory(dataDirectory)
                    .user("a", "")
                    .user("a", "x")
                    .build())
        .hasMessageContaining("configured twice");
  }

  @Test
  void shouldCloseTheEngineWhenThePortIsTaken() throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      EmbeddedClickHouse clickHouse =
          EmbeddedClickHouse.builder()
              .dataDirectory(dataDirectory)
              .port(taken.getLocalPort())
              .engineOpener(dir -> engine())
              .build();
      assertThatThrownBy(clickHouse::start).hasMessageContaining("port in use?");
      assertThat(closes).hasValue(1);
    }
  }

  @Test
  void shouldParseTheCommandLine() {
    assertThat(Main.parse(new String[] {"--data-dir", "/tmp/x", "--port", "0", "--user", "a:b"}))
        .isNotNull();
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "8123"}))
        .hasMessageContaining("--data-dir is required");
    assertThatThrownBy(() -> Main.parse(new String[] {"--data-dir", "d", "--port", "x"}))
        .hasMessageContaining("wants a number");
    assertThatThrownBy(() -> Main.parse(new String[] {"--data-dir", "d", "--user", "nopassword"}))
        .hasMessageContaining("NAME:PASSWORD");
  }

  private QueryEngine engine() {
    return new QueryEngine() {
      @Override
      public QueryResult execute(QueryRequest request) {
        return new QueryResult(new byte[0], "TabSeparated", 0, 0, 0, 0, 0);
      }

      @Override
      public String version() {
        return "26.5.1.1";
      }

      @Override
      public String timezone() {
        return "UTC";
      }

      @Override
      public void close() {
        closes.incrementAndGet();
      }
    };
  }
}
