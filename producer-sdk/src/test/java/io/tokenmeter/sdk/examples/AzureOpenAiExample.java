package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.client.PublishResult;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sdk.event.UsageReport;
import java.util.concurrent.CompletableFuture;

/**
 * README example: Azure OpenAI. The lines between the README markers are shown in
 * producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps the two identical and
 * runs this code.
 */
public final class AzureOpenAiExample {
  private AzureOpenAiExample() {}

  public static CompletableFuture<PublishResult> publish(UsageClient usage, String body) {
    // README:begin
    // body: an Azure OpenAI chat completions response; same fields as OpenAI, provider "azure".
    ExtractedUsage extracted = UsageAdapters.azureOpenAiChat().extract(body);
    CompletableFuture<PublishResult> written =
        usage.tryPublish(
            UsageReport.from(extracted).tenantId("acme").tag("region", "eastus").build());
    // README:end
    return written;
  }
}
