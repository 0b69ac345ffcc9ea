package io.tokenmeter.sdk.client;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapter;
import io.tokenmeter.sdk.adapter.UsageExtractionException;
import io.tokenmeter.sdk.event.UsageReport;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a provider call: times it, reads its usage with an adapter and publishes it with the
 * caller's attribution, without ever blocking on or failing because of the metering.
 *
 * <pre>{@code
 * Metered<HttpResponse<String>> r = recorder.call(
 *     UsageAdapters.openAiChat(), HttpResponse::body,
 *     report -> report.workflowId("support-bot").userId(userId).operation("chat"),
 *     () -> http.send(request, BodyHandlers.ofString()));
 * }</pre>
 */
public final class UsageRecorder {
  private static final Logger LOGGER = LoggerFactory.getLogger(UsageRecorder.class);

  private final UsageClient client;
  private final Clock clock;

  public UsageRecorder(UsageClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs {@code call}; if it throws, the exception propagates and nothing is published (there is no
   * response to read usage from).
   *
   * @param bodyOf the response's JSON body text
   * @param attribution adds workflow, task, user, operation, tags or a model id to the report
   */
  public <T> Metered<T> call(
      UsageAdapter adapter,
      Function<T, String> bodyOf,
      UnaryOperator<UsageReport.Builder> attribution,
      Callable<T> call)
      throws Exception {
    long started = clock.millis();
    T response = call.call();
    long latencyMs = Math.max(0L, clock.millis() - started);
    ExtractedUsage usage;
    try {
      usage = adapter.extract(bodyOf.apply(response));
    } catch (UsageExtractionException e) {
      LOGGER.warn("usage not readable from the provider response: {}", e.getMessage());
      return new Metered<>(response, null, CompletableFuture.failedFuture(e));
    }
    CompletableFuture<PublishResult> published;
    try {
      UsageReport report = attribution.apply(UsageReport.from(usage).latencyMs(latencyMs)).build();
      published = client.tryPublish(report);
    } catch (RuntimeException e) {
      // Invalid event or full buffer: reported through the result, never by failing the call.
      published = CompletableFuture.failedFuture(e);
    }
    return new Metered<>(response, usage, published);
  }
}
