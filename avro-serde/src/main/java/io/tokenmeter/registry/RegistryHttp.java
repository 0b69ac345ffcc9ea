package io.tokenmeter.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one registry request: picks the URL, adds auth and media-type headers, retries retriable
 * failures with exponential backoff, then fails over to the next URL (as Confluent's client does).
 */
final class RegistryHttp {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

  /** Accept every JSON type a registry may produce; Karapace answers 406 to anything else. */
  static final String ACCEPT =
      MEDIA_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";

  private static final Logger LOGGER = LoggerFactory.getLogger(RegistryHttp.class);

  private final RegistryClientConfig config;
  private final List<Endpoint> endpoints;
  private final HttpClient http;
  private final AtomicInteger currentEndpoint = new AtomicInteger();

  /** A base URL without user info, and the Authorization header to send to it, if any. */
  private record Endpoint(String base, Optional<String> authorization) {}

  RegistryHttp(RegistryClientConfig config) {
    this.config = config;
    this.endpoints = endpoints(config);
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
  }

  private static List<Endpoint> endpoints(RegistryClientConfig config) {
    List<Endpoint> result = new ArrayList<>();
    for (URI url : config.urls()) {
      Optional<String> authorization = Optional.empty();
      if (!config.bearerToken().isEmpty()) {
        authorization = Optional.of("Bearer " + config.bearerToken());
      } else if (config.basicAuthSource() == RegistryClientConfig.BasicAuthSource.USER_INFO) {
        authorization = Optional.of(basic(config.basicAuthUserInfo()));
      } else if (url.getUserInfo() != null) {
        authorization = Optional.of(basic(url.getUserInfo()));
      }
      result.add(new Endpoint(withoutUserInfo(url), authorization));
    }
    return List.copyOf(result);
  }

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  private static String withoutUserInfo(URI url) {
    try {
      URI clean =
          new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
      String text = clean.toString();
      return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Registry URL " + url + " is not usable", e);
    }
  }

  /**
   * Sends the request and returns the body of a 2xx answer.
   *
   * @param path path and query below the base URL, starting with {@code /}, already encoded
   * @param body JSON body, or null for none
   */
  String send(
      String method, String path, String body, String operation, boolean conflictIsIncompatible) {
    SchemaRegistryException last = null;
    int start = currentEndpoint.get();
    for (int tried = 0; tried < endpoints.size(); tried++) {
      int index = (start + tried) % endpoints.size();
      Endpoint endpoint = endpoints.get(index);
      for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
        if (attempt > 0) {
          sleep(backoff(attempt), operation);
        }
        try {
          HttpResponse<String> response = http.send(request(endpoint, method, path, body), utf8());
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            currentEndpoint.set(index);
            return response.body();
          }
          SchemaRegistryException error =
              RegistryErrors.toException(
                  operation, status, response.body(), conflictIsIncompatible);
          if (!RegistryErrors.isRetriable(status)) {
            throw error;
          }
          last = error;
        } catch (IOException e) {
          last =
              new RegistryUnavailableException(
                  operation + " failed: registry at " + endpoint.base() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RegistryUnavailableException(operation + " interrupted", e);
        }
        LOGGER.debug(
            "{} attempt {} on {} failed: {}",
            operation,
            attempt + 1,
            endpoint.base(),
            last.getMessage());
      }
      LOGGER.warn(
          "{}: giving up on {} after {} attempts",
          operation,
          endpoint.base(),
          config.maxRetries() + 1);
    }
    currentEndpoint.set((start + 1) % endpoints.size());
    throw asUnavailable(last);
  }

  private static SchemaRegistryException asUnavailable(SchemaRegistryException last) {
    return last instanceof RegistryUnavailableException
        ? last
        : new RegistryUnavailableException(last.getMessage(), last);
  }

  /** Wait before retry {@code attempt} (1-based): wait, 2*wait, 4*wait..., capped. */
  Duration backoff(int attempt) {
    long base = config.retriesWait().toMillis();
    long factor = 1L << Math.min(attempt - 1, 30);
    long millis = base > Long.MAX_VALUE / factor ? Long.MAX_VALUE : base * factor;
    return Duration.ofMillis(Math.min(millis, config.retriesMaxWait().toMillis()));
  }

  private HttpRequest request(Endpoint endpoint, String method, String path, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(endpoint.base() + path))
            .timeout(config.readTimeout())
            .header("Accept", ACCEPT);
    config.requestHeaders().forEach(builder::header);
    endpoint.authorization().ifPresent(value -> builder.header("Authorization", value));
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", MEDIA_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private static HttpResponse.BodyHandler<String> utf8() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static void sleep(Duration duration, String operation) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException(operation + " interrupted while backing off", e);
    }
  }
}
