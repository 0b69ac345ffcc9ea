package io.tokenmeter.embedded.clickhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.clickhouse.EmbeddedClickHouse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code X-ClickHouse-Summary} carries the real engine's row counts, whatever the format. */
class QuerySummaryIT {

  @TempDir static Path dataDirectory;
  private static EmbeddedClickHouse clickHouse;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    clickHouse = EmbeddedClickHouse.builder().dataDirectory(dataDirectory).build().start();
    post("CREATE TABLE summary_probe (id UInt64) ENGINE = MergeTree ORDER BY id");
    post("INSERT INTO summary_probe SELECT number FROM numbers(6)");
  }

  @AfterAll
  static void stop() {
    clickHouse.close();
  }

  private static HttpResponse<byte[]> post(String sql) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(clickHouse.httpUrl() + "/"))
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(sql).isEqualTo(200);
    return response;
  }

  private static String summary(HttpResponse<byte[]> response) {
    return response.headers().firstValue("X-ClickHouse-Summary").orElseThrow();
  }

  @Test
  void shouldCountRowBinaryResultRowsExactly() throws Exception {
    HttpResponse<byte[]> response =
        post("SELECT id FROM summary_probe WHERE id < 4 FORMAT RowBinaryWithNamesAndTypes");

    assertThat(summary(response)).contains("\"result_rows\":\"4\"").contains("\"read_rows\":\"6\"");
  }

  @Test
  void shouldCountOneResultRowForAnAggregateOverManyStoredRows() throws Exception {
    HttpResponse<byte[]> response = post("SELECT sum(id) FROM summary_probe");

    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("15\n");
    assertThat(summary(response)).contains("\"result_rows\":\"1\"");
  }

  @Test
  void shouldCountTheRowsOfAnInsertsDataAsClickHouseDoes() throws Exception {
    post("CREATE TABLE summary_insert_probe (id UInt64) ENGINE = MergeTree ORDER BY id");
    String query =
        URLEncoder.encode("INSERT INTO summary_insert_probe FORMAT TSV", StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(clickHouse.httpUrl() + "/?query=" + query))
            .POST(HttpRequest.BodyPublishers.ofString("100\n101\n"))
            .build();
    HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(summary(response))
        .contains("\"result_rows\":\"2\"")
        .contains("\"written_rows\":\"2\"");
  }
}
