package io.tokenmeter.sdk.client;

import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events through a Kafka producer while holding at most {@code capacity} unacknowledged, and
 * ties each event's outcome to its own future. The bound is on events rather than bytes because the
 * caller thinks in calls; a permit is returned exactly once, when the event's future settles.
 */
final class BoundedSender {
  private static final Logger LOGGER = LoggerFactory.getLogger(BoundedSender.class);

  private final String topic;
  private final Producer<String, UsageEvent> producer;
  private final int capacity;
  private final Semaphore permits;
  private final ClientCounters counters = new ClientCounters();
  private final Set<CompletableFuture<PublishResult>> pending = ConcurrentHashMap.newKeySet();
  private final ExecutorService dispatcher =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "tokenmeter-usage-sender");
            thread.setDaemon(true);
            return thread;
          });

  BoundedSender(String topic, Producer<String, UsageEvent> producer, int capacity) {
    this.topic = topic;
    this.producer = producer;
    this.capacity = capacity;
    this.permits = new Semaphore(capacity);
  }

  /** Sends if there is room now; never waits. */
  CompletableFuture<PublishResult> trySend(UsageEvent event) {
    if (!permits.tryAcquire()) {
      throw rejected();
    }
    return send(event);
  }

  /** Waits up to {@code timeout} for room, then sends. */
  CompletableFuture<PublishResult> sendWaiting(UsageEvent event, Duration timeout) {
    try {
      if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw rejected();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      counters.rejected();
      throw new BufferFullException("interrupted while waiting for buffer room; event not sent");
    }
    return send(event);
  }

  /**
   * Completes once every event accepted before the call has settled. The flush is queued behind
   * those events, so they have all reached the producer when it runs.
   */
  CompletableFuture<Void> flush() {
    List<CompletableFuture<PublishResult>> snapshot = List.copyOf(pending);
    CompletableFuture<Void> sent;
    try {
      sent = CompletableFuture.runAsync(producer::flush, dispatcher);
    } catch (RejectedExecutionException closing) {
      sent = CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?>[] settled =
        snapshot.stream().map(f -> f.handle((r, e) -> null)).toArray(CompletableFuture[]::new);
    return sent.handle((r, e) -> null).thenCompose(ignored -> CompletableFuture.allOf(settled));
  }

  UsageClientMetrics metrics() {
    return counters.snapshot();
  }

  /**
   * Stops taking events. Call after the producer is closed: events still queued then fail at once
   * on the closed producer, so every future settles.
   */
  void shutdown(Duration timeout) {
    dispatcher.shutdown();
    try {
      if (!dispatcher.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        LOGGER.warn("usage sender thread still busy after {}", timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletableFuture<PublishResult> send(UsageEvent event) {
    counters.accepted();
    // Settles once: the permit and the counters are updated before the caller can see the outcome,
    // so metrics and buffer room are already consistent when a future completes.
    AtomicBoolean settled = new AtomicBoolean();
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    pending.add(result);
    result.whenComplete((r, e) -> pending.remove(result));
    try {
      dispatcher.execute(() -> dispatch(event, result, settled));
    } catch (RejectedExecutionException closed) {
      fail(result, settled, event, new IllegalStateException("usage client is closed"));
    }
    return result;
  }

  private void dispatch(
      UsageEvent event, CompletableFuture<PublishResult> result, AtomicBoolean settled) {
    try {
      producer.send(
          new ProducerRecord<>(topic, event.getTenantId(), event),
          (metadata, exception) -> {
            if (exception != null) {
              fail(result, settled, event, exception);
            } else {
              succeed(result, settled, event, metadata);
            }
          });
    } catch (RuntimeException e) {
      // Serialization, registry, metadata-timeout and closed-producer errors are thrown rather
      // than passed to the callback; they still belong to this event's future.
      fail(result, settled, event, e);
    }
  }

  private void succeed(
      CompletableFuture<PublishResult> result,
      AtomicBoolean settled,
      UsageEvent event,
      RecordMetadata metadata) {
    PublishResult stored =
        new PublishResult(
            event.getEventId(),
            metadata.topic(),
            metadata.partition(),
            metadata.offset(),
            Instant.ofEpochMilli(metadata.timestamp()));
    if (settled.compareAndSet(false, true)) {
      permits.release();
      counters.succeeded();
      result.complete(stored);
    }
  }

  private void fail(
      CompletableFuture<PublishResult> result,
      AtomicBoolean settled,
      UsageEvent event,
      Exception error) {
    if (settled.compareAndSet(false, true)) {
      permits.release();
      counters.failed();
      LOGGER.debug("usage event {} not published: {}", event.getEventId(), error.toString());
      result.completeExceptionally(error);
    }
  }

  private BufferFullException rejected() {
    counters.rejected();
    return new BufferFullException(
        "usage buffer full: "
            + capacity
            + " events await acknowledgement; event not sent (raise maxBufferedEvents or check"
            + " the brokers)");
  }
}
