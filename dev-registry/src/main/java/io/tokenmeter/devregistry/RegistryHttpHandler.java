package io.tokenmeter.devregistry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: decodes the request, checks its media type, dispatches through the {@link Router}
 * and writes every answer (including errors) as {@code application/vnd.schemaregistry.v1+json}.
 */
final class RegistryHttpHandler implements HttpHandler {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

  /** Confluent accepts these request types; a missing Content-Type is treated as JSON. */
  private static final Set<String> ACCEPTED_REQUEST_TYPES =
      Set.of(
          MEDIA_TYPE,
          "application/vnd.schemaregistry+json",
          "application/json",
          "application/octet-stream");

  private static final Logger LOGGER = LoggerFactory.getLogger(RegistryHttpHandler.class);

  private final Router router;

  RegistryHttpHandler(Router router) {
    this.router = router;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    ApiResponse response;
    try {
      response = dispatch(exchange);
    } catch (RegistryException e) {
      response = ApiResponse.error(e);
    } catch (RuntimeException e) {
      LOGGER.error(
          "Unexpected failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      response = ApiResponse.error(new RegistryException(500, 500, "Internal Server Error"));
    }
    LOGGER.debug(
        "{} {} -> {}", exchange.getRequestMethod(), exchange.getRequestURI(), response.status());
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
    // -1 means "no body"; 0 would mean "chunked" to the JDK server.
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    } finally {
      exchange.close();
    }
  }

  private ApiResponse dispatch(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    Router.Match match = router.match(method, pathSegments(exchange.getRequestURI().getRawPath()));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if (body.length > 0) {
      requireAcceptedType(exchange.getRequestHeaders().getFirst("Content-Type"));
    }
    ApiRequest request =
        new ApiRequest(match.params(), query(exchange.getRequestURI().getRawQuery()), body);
    return match.handler().apply(request);
  }

  private static void requireAcceptedType(String contentType) {
    if (contentType == null) {
      return;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !ACCEPTED_REQUEST_TYPES.contains(type)) {
      throw Errors.http(415, "Unsupported Media Type");
    }
  }

  /**
   * Splits and percent-decodes the path; one trailing slash is tolerated because the Java client
   * calls {@code .../versions/?...}. A literal '+' stays a '+' (it only means space in queries).
   */
  static List<String> pathSegments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(decode(raw.replace("+", "%2B")));
      }
    }
    return segments;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.put(decode(name), decode(value));
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(400, 400, "Malformed percent-encoding in '" + text + "'");
    }
  }
}
