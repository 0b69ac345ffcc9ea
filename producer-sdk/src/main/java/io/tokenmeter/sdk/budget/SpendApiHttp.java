package io.tokenmeter.sdk.budget;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GETs from the spend API with the bearer token and maps refusals to exceptions. Successful answers
 * (200) and "no state yet" answers (404) are returned for the caller to read.
 */
final class SpendApiHttp {
  /** An answer: status and body text. */
  record Answer(int status, String body) {}

  private final HttpClient http;
  private final String baseUrl;
  private final String authorization;
  private final Duration timeout;

  SpendApiHttp(String baseUrl, String token, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = "Bearer " + token;
    this.timeout = timeout;
    // HTTP/1.1: the processor serves nothing else, so an h2c upgrade attempt would only add bytes.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /** A path segment, percent-encoded so ids with '/', spaces or '+' reach the API intact. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * @param path starting with {@code /v1/}, segments already encoded
   * @throws BudgetUnauthorizedException on 401
   * @throws BudgetForbiddenException on 403
   * @throws BudgetServiceUnavailableException on no answer in time, a refused connection or 5xx
   * @throws BudgetApiException on any other status except 200 and 404
   */
  Answer get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new BudgetServiceUnavailableException(
          "spend API at " + baseUrl + " did not answer within " + timeout, 0, e);
    } catch (IOException e) {
      throw new BudgetServiceUnavailableException(
          "spend API at " + baseUrl + " unreachable: " + e, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BudgetServiceUnavailableException(
          "interrupted while asking the spend API at " + baseUrl, 0, e);
    }
    int status = response.statusCode();
    String body = response.body();
    String message = "GET " + path + " answered " + status + ": " + BudgetJson.errorMessage(body);
    if (status == 200 || status == 404) {
      return new Answer(status, body);
    }
    if (status == 401) {
      throw new BudgetUnauthorizedException(
          message + " (check the bearer token against the processor's API tokens)", status, null);
    }
    if (status == 403) {
      throw new BudgetForbiddenException(
          message + " (a tenant token reads only its own tenant; use an admin token)",
          status,
          null);
    }
    if (status >= 500) {
      throw new BudgetServiceUnavailableException(message, status, null);
    }
    throw new BudgetApiException(message, status, null);
  }
}
