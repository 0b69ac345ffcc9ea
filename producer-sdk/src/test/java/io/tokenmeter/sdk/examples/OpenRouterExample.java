package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.client.PublishResult;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sdk.event.UsageReport;
import java.util.concurrent.CompletableFuture;

/**
 * README example: OpenRouter. The lines between the README markers are shown in
 * producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps the two identical and
 * runs this code.
 */
public final class OpenRouterExample {
  private OpenRouterExample() {}

  public static CompletableFuture<PublishResult> publish(UsageClient usage, String body) {
    // README:begin
    // body: an OpenRouter chat completions response; usage.cost is kept exactly as
    // provider_reported_cost_usd, next to the price tokenmeter computes.
    ExtractedUsage extracted = UsageAdapters.openRouter().extract(body);
    CompletableFuture<PublishResult> written =
        usage.tryPublish(UsageReport.from(extracted).tenantId("acme").build());
    // README:end
    return written;
  }
}
