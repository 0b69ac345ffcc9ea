package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.client.PublishResult;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sdk.event.UsageReport;
import java.util.concurrent.CompletableFuture;

/**
 * README example: OpenAI embeddings. The lines between the README markers are shown in
 * producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps the two identical and
 * runs this code.
 */
public final class OpenAiEmbeddingsExample {
  private OpenAiEmbeddingsExample() {}

  public static CompletableFuture<PublishResult> publish(UsageClient usage, String body) {
    // README:begin
    // body: a POST /v1/embeddings response (input tokens only).
    ExtractedUsage extracted = UsageAdapters.openAiEmbeddings().extract(body);
    CompletableFuture<PublishResult> written =
        usage.tryPublish(UsageReport.from(extracted).tenantId("acme").operation("embed").build());
    // README:end
    return written;
  }
}
