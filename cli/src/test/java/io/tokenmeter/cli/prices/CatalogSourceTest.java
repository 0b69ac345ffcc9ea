package io.tokenmeter.cli.prices;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tokenmeter.cli.common.CliTopics;
import io.tokenmeter.cli.testing.CliRun;
import io.tokenmeter.cli.testing.CliRun.Result;
import io.tokenmeter.cli.testing.TestCatalogs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogSourceTest {

  private final CliRun cli = new CliRun();
  private HttpServer server;
  private String base;

  @BeforeEach
  void serveTheSmallCatalog() throws IOException {
    byte[] catalog = Files.readAllBytes(Path.of(TestCatalogs.smallCatalog()));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/catalog.json",
        exchange -> {
          exchange.sendResponseHeaders(200, catalog.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(catalog);
          }
        });
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldImportACatalogFromAnHttpUrl() {
    Result result = cli.run("prices", "import", "--format", "tokenmeter", base + "/catalog.json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(cli.kafka().sent(CliTopics.PRICES)).hasSize(5);
  }

  @Test
  void shouldFailWithTheHttpStatusForAMissingUrl() {
    Result result = cli.run("prices", "import", "--format", "tokenmeter", base + "/nope.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("answered HTTP 404; check the URL");
  }

  @Test
  void shouldSayTheFormatMayBeWrongWhenTheFileDoesNotParse() {
    Result result = cli.run("prices", "import", "--format", "litellm", base + "/catalog.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("check that --format matches the file");
  }
}
