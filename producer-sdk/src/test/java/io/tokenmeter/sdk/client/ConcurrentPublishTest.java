package io.tokenmeter.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class ConcurrentPublishTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 500;

  @Test
  void shouldSendEveryEventExactlyOnceFromManyThreads() throws Exception {
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try (UsageClient client = MockProducers.builderFor(producer).build()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String tenant = "tenant-" + t;
        Thread thread =
            new Thread(
                () -> {
                  awaitQuietly(start);
                  for (int i = 0; i < PER_THREAD; i++) {
                    CompletableFuture<PublishResult> result =
                        client.publish(MockProducers.report(tenant));
                    result.thenAccept(r -> acknowledged.add(r.eventId()));
                  }
                });
        thread.start();
        threads.add(thread);
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      }
      client.flush().get(10, TimeUnit.SECONDS);

      List<ProducerRecord<String, byte[]>> sent = producer.history();
      Set<String> ids =
          sent.stream().map(r -> MockProducers.value(r).getEventId()).collect(Collectors.toSet());
      assertThat(sent).hasSize(THREADS * PER_THREAD);
      assertThat(ids).hasSize(THREADS * PER_THREAD).isEqualTo(acknowledged);
      assertThat(sent).allMatch(r -> r.key().equals(MockProducers.value(r).getTenantId()));
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(THREADS * PER_THREAD, 0, 0, 0));
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
