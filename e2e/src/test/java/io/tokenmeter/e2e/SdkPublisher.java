package io.tokenmeter.e2e;

import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.client.UsageClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Publishes events the way a service does: through the SDK's {@link UsageClient}. */
final class SdkPublisher {

  /** Called before each event is published; may block to hold the rest back. */
  @FunctionalInterface
  interface BeforeEvent {
    void await(int index) throws InterruptedException;
  }

  private SdkPublisher() {}

  /**
   * Publishes every event and returns once the broker acknowledged all of them.
   *
   * @param pauseEveryEvents after this many events, sleep {@code pauseMillis} (0 = never), so a
   *     fault can land while the stream is still flowing
   */
  static void publishAll(
      PipelineConfig config, List<UsageEvent> events, int pauseEveryEvents, long pauseMillis)
      throws InterruptedException, ExecutionException {
    publishAll(config, events, pauseEveryEvents, pauseMillis, index -> {});
  }

  /** As above, asking {@code beforeEvent} before each event (a fault test's gate). */
  static void publishAll(
      PipelineConfig config,
      List<UsageEvent> events,
      int pauseEveryEvents,
      long pauseMillis,
      BeforeEvent beforeEvent)
      throws InterruptedException, ExecutionException {
    try (UsageClient client =
        UsageClient.builder()
            .bootstrapServers(config.stack().kafkaBootstrapServers())
            .registryUrl(config.stack().schemaRegistryUrl())
            .topic(config.processorSettings().usageTopic())
            .build()) {
      List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
      for (int i = 0; i < events.size(); i++) {
        beforeEvent.await(i);
        acks.add(client.publish(events.get(i)));
        if (pauseEveryEvents > 0 && (i + 1) % pauseEveryEvents == 0) {
          Thread.sleep(pauseMillis);
        }
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
    }
  }
}
