package io.tokenmeter.sdk.client;

import static io.tokenmeter.sdk.client.MockProducers.awaitSent;
import static io.tokenmeter.sdk.client.MockProducers.builderFor;
import static io.tokenmeter.sdk.client.MockProducers.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.validation.InvalidUsageEventException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class UsageClientTest {

  @Test
  void shouldSendKeyedByTenantAndCompleteOnlyWhenAcknowledged() throws Exception {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    try (UsageClient client = builderFor(producer).build()) {
      CompletableFuture<PublishResult> future = client.publish(report("acme"));

      assertThat(future).isNotDone();
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(0, 0, 0, 1));
      ProducerRecord<String, byte[]> sent = awaitSent(producer, 1).get(0);
      assertThat(sent.topic()).isEqualTo(UsageClientBuilder.DEFAULT_TOPIC);
      assertThat(sent.key()).isEqualTo("acme");
      assertThat(MockProducers.value(sent).getUsage().getInputTokens()).isEqualTo(1117);
      assertThat(MockProducers.value(sent).getEventTime()).isEqualTo(MockProducers.NOW);

      producer.completeNext();
      PublishResult result = future.get(1, TimeUnit.SECONDS);
      assertThat(result.eventId()).isEqualTo(MockProducers.value(sent).getEventId());
      assertThat(result.topic()).isEqualTo(UsageClientBuilder.DEFAULT_TOPIC);
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(1, 0, 0, 0));
    }
  }

  @Test
  void shouldFailTheFutureAndCountWhenTheWriteFails() {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    try (UsageClient client = builderFor(producer).build()) {
      CompletableFuture<PublishResult> future = client.publish(report("acme"));
      awaitSent(producer, 1);
      producer.errorNext(new TimeoutException("broker unavailable"));

      assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(0, 1, 0, 0));
    }
  }

  @Test
  void shouldFailTheFutureWhenSendThrowsAndGiveThePermitBack() {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    producer.sendException = new SerializationException("registry down");
    try (UsageClient client = builderFor(producer).maxBufferedEvents(1).build()) {
      CompletableFuture<PublishResult> first = client.tryPublish(report("acme"));
      assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SerializationException.class);

      producer.sendException = null;
      // The permit came back, so a buffer of one still accepts the next event.
      assertThat(client.tryPublish(report("acme"))).isNotNull();
      awaitSent(producer, 1);
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(0, 1, 0, 1));
    }
  }

  @Test
  void shouldRejectAnInvalidEventBeforeSendingAnything() {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    try (UsageClient client = builderFor(producer).build()) {
      assertThatThrownBy(() -> client.publish(report(null)))
          .isInstanceOf(InvalidUsageEventException.class)
          .hasMessageContaining("tenant_id = null");
      assertThat(producer.history()).isEmpty();
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(0, 0, 0, 0));
    }
  }

  @Test
  void shouldFailFastOnTryPublishWhenTheBufferIsFull() {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    try (UsageClient client = builderFor(producer).maxBufferedEvents(2).build()) {
      client.tryPublish(report("a"));
      client.tryPublish(report("b"));

      long started = System.nanoTime();
      assertThatThrownBy(() -> client.tryPublish(report("c")))
          .isInstanceOf(BufferFullException.class)
          .hasMessageContaining("2 events await acknowledgement");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofSeconds(4)); // blocking would take the 5 s block timeout
      assertThat(awaitSent(producer, 2)).hasSize(2);
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(0, 0, 1, 2));

      producer.completeNext();
      client.tryPublish(report("d"));
      assertThat(awaitSent(producer, 3))
          .extracting(ProducerRecord::key)
          .containsExactly("a", "b", "d");
    }
  }

  @Test
  void shouldWaitForRoomThenGiveUpAfterTheBlockTimeout() {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    Duration wait = Duration.ofMillis(200);
    try (UsageClient client =
        builderFor(producer).maxBufferedEvents(1).publishBlockTimeout(wait).build()) {
      client.publish(report("a"));
      long started = System.nanoTime();
      assertThatThrownBy(() -> client.publish(report("b"))).isInstanceOf(BufferFullException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(wait);
      assertThat(awaitSent(producer, 1)).hasSize(1);
    }
  }

  @Test
  void shouldWaitForRoomAndSendOnceAnEarlierEventIsAcknowledged() throws Exception {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    try (UsageClient client =
        builderFor(producer)
            .maxBufferedEvents(1)
            .publishBlockTimeout(Duration.ofSeconds(10))
            .build()) {
      client.publish(report("a"));
      CompletableFuture.runAsync(
          () -> {
            awaitSent(producer, 1);
            sleep(100);
            producer.completeNext();
          });
      CompletableFuture<PublishResult> second = client.publish(report("b"));
      assertThat(awaitSent(producer, 2)).extracting(ProducerRecord::key).containsExactly("a", "b");
      producer.completeNext();
      assertThat(second.get(1, TimeUnit.SECONDS).eventId()).isNotBlank();
    }
  }

  @Test
  void shouldCompleteFlushOnlyAfterEveryEarlierEventSettled() throws Exception {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    try (UsageClient client = builderFor(producer).build()) {
      CompletableFuture<?>[] futures = {
        client.publish(report("a")), client.publish(report("b")), client.publish(report("c"))
      };
      client.flush().get(5, TimeUnit.SECONDS);

      assertThat(producer.flushed()).isTrue();
      for (CompletableFuture<?> future : futures) {
        assertThat(future).isCompletedWithValueMatching(r -> r instanceof PublishResult);
      }
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(3, 0, 0, 0));
    }
  }

  @Test
  void shouldFlushOnCloseAndStayIdempotent() {
    MockProducer<String, byte[]> producer = MockProducers.manual();
    UsageClient client = builderFor(producer).build();
    CompletableFuture<PublishResult> pending = client.publish(report("acme"));

    client.close(Duration.ofSeconds(5));
    client.close(Duration.ofSeconds(5));
    client.close();

    assertThat(pending).isCompletedWithValueMatching(r -> r.eventId() != null);
    assertThat(producer.closed()).isTrue();
    assertThatThrownBy(() -> client.publish(report("acme")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void shouldPublishAPrebuiltAvroEventAfterValidatingIt() throws Exception {
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    try (UsageClient client = builderFor(producer).build()) {
      UsageEvent event = MockProducers.validEvent();
      assertThat(client.publish(event).get(5, TimeUnit.SECONDS).eventId())
          .isEqualTo(event.getEventId());
      event.setModel(" ");
      assertThatThrownBy(() -> client.publish(event))
          .isInstanceOf(InvalidUsageEventException.class);
      assertThat(producer.history()).hasSize(1);
    }
  }

  @Test
  void shouldCallTheProducerOnlyFromTheSenderThread() throws Exception {
    List<String> sendingThreads = new CopyOnWriteArrayList<>();
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized Future<RecordMetadata> send(
              ProducerRecord<String, byte[]> record, Callback callback) {
            sendingThreads.add(Thread.currentThread().getName());
            return super.send(record, callback);
          }
        };
    try (UsageClient client = builderFor(producer).build()) {
      for (int i = 0; i < 50; i++) {
        client.publish(report("t" + i));
      }
      client.flush().get(5, TimeUnit.SECONDS);
    }

    // Even once the schema is registered and callers serialize, they never call send: it can
    // wait for metadata during an outage.
    assertThat(sendingThreads).hasSize(50).containsOnly("tokenmeter-usage-sender");
    assertThat(producer.history())
        .extracting(ProducerRecord::key)
        .startsWith("t0", "t1", "t2")
        .endsWith("t48", "t49");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
