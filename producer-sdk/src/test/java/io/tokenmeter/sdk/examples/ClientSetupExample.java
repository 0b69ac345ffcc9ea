package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.client.UsageClient;

/**
 * README example: the client every other example publishes with. The lines between the README
 * markers are shown in producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps
 * the two identical and runs this code.
 */
public final class ClientSetupExample {
  private ClientSetupExample() {}

  public static UsageClient create() {
    // README:begin
    // One per process; thread-safe. Close it on shutdown: close() flushes first.
    UsageClient usage =
        UsageClient.builder()
            .bootstrapServers("localhost:9092")
            .registryUrl("http://localhost:8081")
            .defaultTag("service", "checkout") // added to every event
            .build();
    // README:end
    return usage;
  }
}
