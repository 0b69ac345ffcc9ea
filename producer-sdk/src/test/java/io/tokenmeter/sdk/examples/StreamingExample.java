package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.Providers;
import io.tokenmeter.sdk.adapter.StreamUsage;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.client.PublishResult;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sdk.event.UsageReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * README example: a streamed OpenAI chat completion. The lines between the README markers are shown
 * in producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps the two identical
 * and runs this code.
 */
public final class StreamingExample {
  private StreamingExample() {}

  public static CompletableFuture<PublishResult> publish(UsageClient usage, List<String> sseData) {
    // README:begin
    // sseData: the data: payload of each server-sent event, in order, "[DONE]" included.
    // The request must ask for usage: "stream_options": {"include_usage": true}.
    StreamUsage stream = UsageAdapters.openAiChatStream(Providers.OPENAI);
    for (String data : sseData) {
      stream.accept(data);
    }
    ExtractedUsage extracted = stream.result(); // complete() is false if the stream was cut short
    CompletableFuture<PublishResult> written =
        usage.tryPublish(UsageReport.from(extracted).tenantId("acme").latencyMs(1840L).build());
    // README:end
    return written;
  }
}
