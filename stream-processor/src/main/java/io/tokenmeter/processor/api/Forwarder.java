package io.tokenmeter.processor.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a GET on to the instance that owns the key and returns its answer unchanged. The caller's
 * Authorization header goes along: every instance has the same tokens, and the owner checks again.
 */
public final class Forwarder {
  /** Marks a forwarded request, so the receiver serves it and never forwards it again. */
  public static final String FORWARDED_HEADER = "X-Tokenmeter-Forwarded";

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /** The owner's status and body. */
  public record Answer(int status, String body) {}

  public Answer forward(HostInfo owner, String rawPathAndQuery, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://" + owner.host() + ":" + owner.port() + rawPathAndQuery))
            .timeout(REQUEST_TIMEOUT)
            .header(FORWARDED_HEADER, "true")
            .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }
}
