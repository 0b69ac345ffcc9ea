package io.tokenmeter.embedded.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.internal.ClickHouseLZ4InputStream;
import com.clickhouse.client.internal.net.jpountz.lz4.LZ4Factory;
import io.tokenmeter.clickhouse.engine.QueryException;
import io.tokenmeter.clickhouse.engine.QueryResult;
import io.tokenmeter.embedded.clickhouse.compression.NativeBlockCompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP contract, with a fake engine: what reaches the engine and what goes back. */
class ClickHouseHttpServerTest {

  private static final long MAX_REQUEST_BYTES = 64 * 1024;

  private final FakeEngine engine = new FakeEngine();
  private final HttpClient client = HttpClient.newHttpClient();
  private ClickHouseHttpServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        ClickHouseHttpServer.start(
            engine,
            new HttpFrontSettings(
                "127.0.0.1",
                0,
                List.of(ClickHouseUser.DEFAULT, new ClickHouseUser("alice", "pw")),
                MAX_REQUEST_BYTES));
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
  }

  @Test
  void shouldAnswerPingAndBareGet() throws Exception {
    assertThat(send(get("/ping")).body()).asString().isEqualTo("Ok.\n");
    assertThat(send(get("/")).body()).asString().isEqualTo("Ok.\n");
    assertThat(send(get("/replicas_status")).statusCode()).isEqualTo(404);
    assertThat(engine.requests()).isEmpty();
  }

  @Test
  void shouldHandTheEngineSqlDatabaseFormatAndSettings() throws Exception {
    HttpResponse<byte[]> response =
        send(
            post(
                    "/?database=ignored&default_format=JSON&insert_deduplication_token=t1&compress=0",
                    "SELECT 1")
                .header("X-ClickHouse-Database", "billing")
                .header("X-ClickHouse-Format", "RowBinaryWithNamesAndTypes"));
    assertThat(response.statusCode()).isEqualTo(200);
    var request = engine.lastRequest();
    assertThat(request.sql()).isEqualTo("SELECT 1");
    assertThat(request.database()).isEqualTo("billing");
    assertThat(request.outputFormat()).isEqualTo("RowBinaryWithNamesAndTypes");
    assertThat(request.settings()).containsExactly(Map.entry("insert_deduplication_token", "t1"));
    assertThat(request.inputData()).isNull();
  }

  @Test
  void shouldUseUrlParametersAndClickHouseDefaultsWithoutHeaders() throws Exception {
    send(post("/?database=db2&default_format=CSV", "SELECT 2"));
    assertThat(engine.lastRequest().database()).isEqualTo("db2");
    assertThat(engine.lastRequest().outputFormat()).isEqualTo("CSV");
    send(post("/", "SELECT 3"));
    assertThat(engine.lastRequest().database()).isEqualTo("default");
    assertThat(engine.lastRequest().outputFormat()).isEqualTo("TabSeparated");
  }

  @Test
  void shouldSendTheHeadersTheDriverReads() throws Exception {
    engine.answerWith(
        request ->
            new QueryResult(new byte[] {1, 2}, "rowbinarywithnamesandtypes", 3, 10, 80, 7, 5));
    HttpResponse<byte[]> response = send(post("/?query_id=q-1", "INSERT INTO t VALUES (1)"));
    assertThat(response.headers().firstValue("X-ClickHouse-Query-Id")).contains("q-1");
    assertThat(response.headers().firstValue("X-ClickHouse-Timezone")).contains("Asia/Tokyo");
    assertThat(response.headers().firstValue("X-ClickHouse-Format"))
        .contains("RowBinaryWithNamesAndTypes");
    assertThat(response.headers().firstValue("X-ClickHouse-Summary"))
        .contains(
            "{\"read_rows\":\"10\",\"read_bytes\":\"80\",\"written_rows\":\"7\","
                + "\"written_bytes\":\"0\",\"total_rows_to_read\":\"10\",\"result_rows\":\"3\","
                + "\"result_bytes\":\"2\",\"elapsed_ns\":\"5\"}");
  }

  @Test
  void shouldReplaceAQueryIdThatCannotBeEchoedInAHeader() throws Exception {
    HttpResponse<byte[]> response = send(post("/?query_id=a%0D%0AX-Injected:%201", "SELECT 1"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Injected")).isEmpty();
    assertThat(response.headers().firstValue("X-ClickHouse-Query-Id").orElseThrow())
        .matches("[0-9a-f-]{36}");
  }

  @Test
  void shouldLeaveOutAFormatNameTheDriverCannotParse() throws Exception {
    engine.answerWith(request -> new QueryResult(new byte[] {1}, "SomethingNew", 1, 0, 0, 0, 0));
    HttpResponse<byte[]> response = send(post("/", "SELECT 1 FORMAT SomethingNew"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-ClickHouse-Format")).isEmpty();
  }

  @Test
  void shouldPassTheBodyAsInsertDataWhenTheQueryIsInTheUrl() throws Exception {
    byte[] rows = {0, 1, 2, '\n', (byte) 0xff};
    send(
        HttpRequest.newBuilder(uri("/?query=INSERT%20INTO%20t%20FORMAT%20RowBinary"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(rows)));
    assertThat(engine.lastRequest().sql()).isEqualTo("INSERT INTO t FORMAT RowBinary");
    assertThat(engine.lastRequest().inputData()).containsExactly(rows);
  }

  @Test
  void shouldFrameTheResponseWhenCompressIsAsked() throws Exception {
    HttpResponse<byte[]> response = send(post("/?compress=1", "SELECT 'framed'"));
    try (var in =
        new ClickHouseLZ4InputStream(
            new ByteArrayInputStream(response.body()),
            LZ4Factory.safeInstance().fastDecompressor(),
            65_536)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("SELECT 'framed'\n");
    }
  }

  @Test
  void shouldDecodeANativeCompressedRequestAndRejectACorruptOne() throws Exception {
    byte[] framed =
        new NativeBlockCompressor().compress("SELECT 42".getBytes(StandardCharsets.UTF_8));
    send(
        HttpRequest.newBuilder(uri("/?decompress=1"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(framed)));
    assertThat(engine.lastRequest().sql()).isEqualTo("SELECT 42");

    framed[framed.length - 1] ^= 1;
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(uri("/?decompress=1"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(framed)));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("271");
    assertThat(response.body()).asString().contains("checksum mismatch");
    assertThat(engine.requests()).hasSize(1);
  }

  @Test
  void shouldGzipWhenHttpCompressionIsEnabledAndRefuseUnknownEncodings() throws Exception {
    HttpResponse<byte[]> gzip =
        send(
            post("/?enable_http_compression=1", "SELECT 'g'")
                .header("Accept-Encoding", "br, gzip"));
    assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("SELECT 'g'\n");
    }
    HttpResponse<byte[]> refused =
        send(post("/?enable_http_compression=1", "SELECT 1").header("Accept-Encoding", "br"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).asString().contains("gzip, deflate, lz4");
    assertThat(engine.requests()).hasSize(1);
  }

  @Test
  void shouldMapEngineErrorsToClickHouseResponses() throws Exception {
    engine.answerWith(
        request -> {
          throw new QueryException(
              62, "Code: 62. DB::Exception: Syntax error: failed at position 1. (SYNTAX_ERROR)");
        });
    HttpResponse<byte[]> response = send(post("/?compress=1", "SELEC"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("62");
    // Plain text even with compress=1: the driver falls back to raw bytes for bodies >= 25 bytes.
    assertThat(response.body())
        .asString()
        .isEqualTo(
            "Code: 62. DB::Exception: Syntax error: failed at position 1. (SYNTAX_ERROR)"
                + " (version 26.5.1.1)\n");
  }

  @Test
  void shouldAnswerAnUnexpectedEngineFailureInsteadOfDroppingTheConnection() throws Exception {
    engine.answerWith(
        request -> {
          throw new IllegalStateException("This ChdbEngine is closed; open a new one");
        });
    HttpResponse<byte[]> response = send(post("/", "INSERT INTO t VALUES (1)"));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("1002");
    assertThat(response.body()).asString().contains("This ChdbEngine is closed");
  }

  @Test
  void shouldAnswerBadCredentialsWithAPlain403() throws Exception {
    HttpResponse<byte[]> response =
        send(post("/?compress=1", "SELECT 1").header("X-ClickHouse-User", "alice"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("516");
    assertThat(response.body()).asString().startsWith("Code: 516. DB::Exception: alice:");
    assertThat(engine.requests()).isEmpty();
  }

  @Test
  void shouldRefuseWritesOverGetLikeClickHouse() throws Exception {
    HttpResponse<byte[]> response = send(get("/?query=DROP%20TABLE%20t"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("164");
    send(get("/?query=SELECT%201"));
    assertThat(engine.lastRequest().sql()).isEqualTo("SELECT 1");
  }

  @Test
  void shouldRefuseSessionsAndQueryParametersInsteadOfIgnoringThem() throws Exception {
    assertThat(send(post("/?session_id=s1", "SELECT 1")).statusCode()).isEqualTo(501);
    HttpResponse<byte[]> response = send(post("/?param_id=5", "SELECT {id:UInt8}"));
    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("48");
    assertThat(engine.requests()).isEmpty();
  }

  @Test
  void shouldAnswer413BeyondTheRequestLimitAndStayUsable() throws Exception {
    byte[] big = new byte[(int) MAX_REQUEST_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<byte[]> response =
        send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofByteArray(big)));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).contains("290");
    assertThat(response.body()).asString().contains("limit of 65536 bytes");
    assertThat(send(post("/", "SELECT 1")).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeConcurrentRequests() throws Exception {
    List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> responses =
        java.util.stream.IntStream.range(0, 32)
            .mapToObj(
                i ->
                    client.sendAsync(
                        post("/", "SELECT " + i).build(), HttpResponse.BodyHandlers.ofByteArray()))
            .toList();
    for (int i = 0; i < responses.size(); i++) {
      assertThat(responses.get(i).get().body()).asString().isEqualTo("SELECT " + i + "\n");
    }
    assertThat(engine.requests()).hasSize(32);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder get(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).GET();
  }

  private HttpRequest.Builder post(String pathAndQuery, String sql) {
    return HttpRequest.newBuilder(uri(pathAndQuery))
        .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8));
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery);
  }
}
