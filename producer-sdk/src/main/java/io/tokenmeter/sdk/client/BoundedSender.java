package io.tokenmeter.sdk.client;

import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events through a Kafka producer while holding at most {@code capacity} unacknowledged, and
 * ties each event's outcome to its own future. The bound is on events rather than bytes because the
 * caller thinks in calls; a permit is returned exactly once, when the event's future settles.
 *
 * <p>{@code producer.send} runs only on the {@link SenderThread}: with Kafka 4's default {@code
 * metadata.recovery.strategy=rebootstrap} a broker outage can drop the topic's cached metadata at
 * any moment, and a send then waits up to {@code max.block.ms}; no check before the call can rule
 * that out, so the caller never makes it. Once the schema is registered the caller serializes the
 * event itself and hands over bytes, which halves the sender thread's work; before that the sender
 * thread serializes (and registers) too, so a registry outage never blocks the caller.
 */
final class BoundedSender {
  private static final Logger LOGGER = LoggerFactory.getLogger(BoundedSender.class);

  private final String topic;
  private final Producer<String, byte[]> producer;
  private final Serializer<UsageEvent> serializer;
  private final int capacity;
  private final Semaphore permits;

  /**
   * Queue depth from which callers encode their own events. Below it the sender thread keeps up
   * (and is often parked), so encoding there costs the caller nothing; above it, it does not.
   */
  static final int CALLER_ENCODES_AT_BACKLOG = 16;

  private volatile boolean schemaRegistered;
  private final ClientCounters counters = new ClientCounters();
  private final SenderThread senderThread = new SenderThread("tokenmeter-usage-sender");

  BoundedSender(
      String topic,
      Producer<String, byte[]> producer,
      Serializer<UsageEvent> serializer,
      int capacity) {
    this.topic = topic;
    this.producer = producer;
    this.serializer = serializer;
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
   * Completes once every event accepted before the call has settled. It runs behind the queued
   * events, so they have all reached the producer; Kafka's flush then waits for them, callbacks
   * included.
   */
  CompletableFuture<Void> flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      senderThread.submit(
          () -> {
            try {
              producer.flush();
            } catch (RuntimeException e) {
              // A closed producer: every event has settled through its own future already.
              LOGGER.debug("flush: {}", e.toString());
            } finally {
              done.complete(null);
            }
          });
    } catch (RejectedExecutionException closed) {
      done.complete(null);
    }
    return done;
  }

  UsageClientMetrics metrics() {
    return counters.snapshot();
  }

  /**
   * Stops taking events. Call after the producer is closed: events still queued then fail at once
   * on the closed producer, so every future settles. {@code afterStop} runs once the sender thread
   * has exited, even if that is after {@code timeout}: close the serializer there, since a send
   * still running may encode with it.
   */
  void shutdown(Duration timeout, Runnable afterStop) {
    senderThread.shutdown(timeout, afterStop);
  }

  private CompletableFuture<PublishResult> send(UsageEvent event) {
    counters.accepted();
    Outgoing outgoing = new Outgoing(event);
    if (schemaRegistered
        && senderThread.backlog() >= CALLER_ENCODES_AT_BACKLOG
        && !outgoing.serialize()) {
      return outgoing.result;
    }
    try {
      senderThread.submit(outgoing);
    } catch (RejectedExecutionException closed) {
      outgoing.fail(new IllegalStateException("usage client is closed"));
    }
    return outgoing.result;
  }

  private BufferFullException rejected() {
    counters.rejected();
    return new BufferFullException(
        "usage buffer full: "
            + capacity
            + " events await acknowledgement; event not sent (raise maxBufferedEvents or check"
            + " the brokers)");
  }

  /** One accepted event: its bytes once serialized, its future, and the producer's callback. */
  private final class Outgoing implements Callback, Runnable {
    final UsageEvent event;
    final CompletableFuture<PublishResult> result = new CompletableFuture<>();
    final AtomicBoolean settled = new AtomicBoolean();
    byte[] bytes;

    Outgoing(UsageEvent event) {
      this.event = event;
    }

    /** Returns false, with the future failed, when the event cannot be encoded. */
    boolean serialize() {
      try {
        bytes = serializer.serialize(topic, event);
        // From now on the serializer answers from its cache: no registry call on a caller thread.
        schemaRegistered = true;
        return true;
      } catch (RuntimeException e) {
        // Registry and encoding errors belong to this event's future, like a failed write.
        fail(e);
        return false;
      }
    }

    /** On the sender thread. */
    @Override
    public void run() {
      if (bytes == null && !serialize()) {
        return;
      }
      try {
        producer.send(new ProducerRecord<>(topic, event.getTenantId(), bytes), this);
      } catch (RuntimeException e) {
        // Metadata-timeout and closed-producer errors are thrown rather than passed to the
        // callback; they still belong to this event's future.
        fail(e);
      }
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      if (exception != null) {
        fail(exception);
      } else {
        succeed(metadata);
      }
    }

    private void succeed(RecordMetadata metadata) {
      if (settle()) {
        counters.succeeded();
        result.complete(
            new PublishResult(
                event.getEventId(),
                metadata.topic(),
                metadata.partition(),
                metadata.offset(),
                Instant.ofEpochMilli(metadata.timestamp())));
      }
    }

    void fail(Exception error) {
      if (settle()) {
        counters.failed();
        LOGGER.debug("usage event {} not published: {}", event.getEventId(), error.toString());
        result.completeExceptionally(error);
      }
    }

    /**
     * Settles once: the permit and counters are updated before the caller can see the outcome, so
     * metrics and buffer room are already consistent when a future completes.
     */
    private boolean settle() {
      if (!settled.compareAndSet(false, true)) {
        return false;
      }
      permits.release();
      return true;
    }
  }
}
