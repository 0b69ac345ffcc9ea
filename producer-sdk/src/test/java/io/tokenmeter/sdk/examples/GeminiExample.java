package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.client.PublishResult;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sdk.event.UsageReport;
import java.util.concurrent.CompletableFuture;

/**
 * README example: Google Gemini. The lines between the README markers are shown in
 * producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps the two identical and
 * runs this code.
 */
public final class GeminiExample {
  private GeminiExample() {}

  public static CompletableFuture<PublishResult> publish(UsageClient usage, String body) {
    // README:begin
    // body: a generateContent response (Vertex AI: UsageAdapters.vertexGemini()).
    // Thoughts count as output; cached content is a subset of the prompt.
    ExtractedUsage extracted = UsageAdapters.gemini().extract(body);
    CompletableFuture<PublishResult> written =
        usage.tryPublish(UsageReport.from(extracted).tenantId("acme").build());
    // README:end
    return written;
  }
}
