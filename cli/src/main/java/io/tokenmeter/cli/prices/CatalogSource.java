package io.tokenmeter.cli.prices;

import io.tokenmeter.cli.common.CliFailure;
import io.tokenmeter.pricing.importer.CatalogImporter;
import io.tokenmeter.pricing.importer.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Reads a catalog from a local file or an http(s) URL with an importer. */
public final class CatalogSource {

  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);
  private static final int HTTP_OK = 200;

  private CatalogSource() {}

  static boolean isUrl(String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  public static ImportResult read(String location, CatalogImporter importer) {
    try {
      if (isUrl(location)) {
        return readUrl(location, importer);
      }
      Path file = Path.of(location);
      if (!Files.isRegularFile(file)) {
        throw new CliFailure(
            "catalog file "
                + file.toAbsolutePath()
                + " does not exist; give a catalog file path or an http(s) URL");
      }
      return importer.read(file);
    } catch (IOException e) {
      throw new CliFailure(
          "cannot read catalog "
              + location
              + ": "
              + e.getMessage()
              + "; check that --format matches the file",
          e);
    }
  }

  private static ImportResult readUrl(String url, CatalogImporter importer) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT).GET().build();
    try (HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(HTTP_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()) {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != HTTP_OK) {
          throw new CliFailure(
              "GET " + url + " answered HTTP " + response.statusCode() + "; check the URL");
        }
        return importer.read(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted while downloading " + url, e);
    }
  }
}
