package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.client.PublishResult;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sdk.event.UsageReport;
import java.util.concurrent.CompletableFuture;

/**
 * README example: AWS Bedrock Converse. The lines between the README markers are shown in
 * producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps the two identical and
 * runs this code.
 */
public final class BedrockConverseExample {
  private BedrockConverseExample() {}

  public static CompletableFuture<PublishResult> publish(UsageClient usage, String body) {
    // README:begin
    // body: a Converse response; it does not name the model, so pass the model id you requested.
    ExtractedUsage extracted =
        UsageAdapters.bedrockConverse()
            .extract(body)
            .withModel("anthropic.claude-sonnet-4-5-20250929-v1:0");
    CompletableFuture<PublishResult> written =
        usage.tryPublish(UsageReport.from(extracted).tenantId("acme").build());
    // README:end
    return written;
  }
}
