package io.tokenmeter.sdk.client;

import static io.tokenmeter.sdk.client.MockProducers.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.schema.v1.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What {@link UsageClient#close(Duration)} closes, and when, relative to the sender thread. */
class UsageClientCloseTest {

  private static final Duration SENDER_STOP_TIMEOUT = Duration.ofMillis(200);

  /** Encodes the event id; counts closes and any use after close, which a real one would fail. */
  private static final class TrackingSerializer implements Serializer<UsageEvent> {
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger usedAfterClose = new AtomicInteger();

    @Override
    public byte[] serialize(String topic, UsageEvent event) {
      if (closes.get() > 0) {
        usedAfterClose.incrementAndGet();
        throw new IllegalStateException("serializer used after close");
      }
      return event.getEventId().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  /** A producer whose sends wait for {@code release}, as a send waiting for metadata does. */
  private static MockProducer<String, byte[]> stuckProducer(
      CountDownLatch sendEntered, CountDownLatch release) {
    return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
      @Override
      public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        sendEntered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.send(record, callback);
      }
    };
  }

  private static UsageClient client(
      MockProducer<String, byte[]> producer, Serializer<UsageEvent> serializer) {
    UsageClientSettings settings =
        new UsageClientSettings(
            "tokenmeter.usage",
            null,
            Map.of(),
            Map.of(),
            100,
            Duration.ofSeconds(1),
            Duration.ofMinutes(5));
    return new UsageClient(
        settings, producer, serializer, MockProducers.CLOCK, SENDER_STOP_TIMEOUT);
  }

  @Test
  void shouldNotCloseTheSerializerUnderASenderThreadStillInsideASend() throws Exception {
    CountDownLatch sendEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TrackingSerializer serializer = new TrackingSerializer();
    UsageClient client = client(stuckProducer(sendEntered, release), serializer);
    CompletableFuture<PublishResult> stuck = client.publish(report("acme"));
    assertThat(sendEntered.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<PublishResult> queued = client.publish(report("globex"));

    long start = System.nanoTime();
    client.close(Duration.ofMillis(100));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(3)); // bounded although the thread is stuck
    assertThat(serializer.closes).as("closed while the sender thread runs").hasValue(0);

    release.countDown();
    // The queued event fails for the real reason (the producer is closed), not the serializer.
    assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("MockProducer is already closed");
    assertThatThrownBy(() -> stuck.get(5, TimeUnit.SECONDS))
        .cause()
        .hasMessageContaining("MockProducer is already closed");
    awaitTrue(() -> serializer.closes.get() == 1);
    assertThat(serializer.usedAfterClose).hasValue(0);

    client.close(Duration.ofMillis(100));
    assertThat(serializer.closes).as("close is idempotent").hasValue(1);
  }

  @Test
  void shouldCloseTheSerializerBeforeReturningWhenTheSenderThreadStopsInTime() throws Exception {
    TrackingSerializer serializer = new TrackingSerializer();
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    UsageClient client = client(producer, serializer);
    PublishResult result = client.publish(report("acme")).get(5, TimeUnit.SECONDS);

    client.close(Duration.ofSeconds(5));
    client.close(Duration.ofSeconds(5));

    assertThat(result.topic()).isEqualTo("tokenmeter.usage");
    assertThat(producer.closed()).isTrue();
    assertThat(serializer.closes).hasValue(1);
    assertThat(serializer.usedAfterClose).hasValue(0);
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(5);
    }
  }
}
