package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.client.PublishResult;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sdk.event.UsageReport;
import java.util.concurrent.CompletableFuture;

/**
 * README example: OpenAI Chat Completions. The lines between the README markers are shown in
 * producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps the two identical and
 * runs this code.
 */
public final class OpenAiChatExample {
  private OpenAiChatExample() {}

  public static CompletableFuture<PublishResult> publish(UsageClient usage, String body) {
    // README:begin
    // body: the raw JSON text of a POST /v1/chat/completions response.
    // prompt_tokens already includes cached tokens; cached and reasoning counts are subsets.
    ExtractedUsage extracted = UsageAdapters.openAiChat().extract(body);
    CompletableFuture<PublishResult> written =
        usage.tryPublish(
            UsageReport.from(extracted).tenantId("acme").workflowId("support-bot").build());
    // README:end
    return written;
  }
}
