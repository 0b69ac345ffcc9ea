package io.tokenmeter.sdk.client;

import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.event.UsageEventFactory;
import io.tokenmeter.sdk.event.UsageReport;
import io.tokenmeter.sdk.event.UuidV7Generator;
import io.tokenmeter.sdk.validation.InvalidUsageEventException;
import io.tokenmeter.sdk.validation.UsageEventValidator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes usage events to the usage topic, keyed by tenant. Thread-safe; create one per process
 * with {@link #builder()} and close it on shutdown.
 *
 * <p>Overflow policy: at most {@code maxBufferedEvents} events are accepted and not yet
 * acknowledged. When that many are pending, {@link #tryPublish} throws {@link BufferFullException}
 * at once and {@link #publish} waits up to {@code publishBlockTimeout} for room, then throws it. An
 * accepted event is never dropped silently: its future completes with the broker's acknowledgement
 * or with the error, and the metrics count it either way.
 *
 * <p>The caller's thread validates, takes a buffer slot and enqueues (and Avro-encodes when the
 * sender thread falls behind); {@code producer.send}, which may wait for metadata during a broker
 * outage, and the schema registration run on the client's sender thread.
 */
public final class UsageClient implements AutoCloseable {

  /** Bound of {@link #close()}: time to flush what is pending, then to shut the producer down. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /** After the producer closed, queued sends fail at once; this only bounds a stuck thread. */
  private static final Duration SENDER_STOP_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOGGER = LoggerFactory.getLogger(UsageClient.class);

  private final UsageClientSettings settings;
  private final Producer<String, byte[]> producer;
  private final Serializer<UsageEvent> serializer;
  private final UsageEventFactory events;
  private final BoundedSender sender;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Duration senderStopTimeout;

  UsageClient(
      UsageClientSettings settings,
      Producer<String, byte[]> producer,
      Serializer<UsageEvent> serializer,
      Clock clock) {
    this(settings, producer, serializer, clock, SENDER_STOP_TIMEOUT);
  }

  /** With how long {@link #close(Duration)} waits for a stuck sender thread; for tests. */
  UsageClient(
      UsageClientSettings settings,
      Producer<String, byte[]> producer,
      Serializer<UsageEvent> serializer,
      Clock clock,
      Duration senderStopTimeout) {
    this.senderStopTimeout = senderStopTimeout;
    this.settings = settings;
    this.producer = producer;
    this.serializer = serializer;
    this.sender =
        new BoundedSender(settings.topic(), producer, serializer, settings.maxBufferedEvents());
    this.events =
        new UsageEventFactory(
            clock,
            new UuidV7Generator(clock, new SecureRandom()),
            new UsageEventValidator(clock, settings.maxFutureSkew()),
            settings.defaultTenantId(),
            settings.defaultTags());
    LOGGER.info(
        "usage client started: topic={}, maxBufferedEvents={}",
        settings.topic(),
        settings.maxBufferedEvents());
  }

  public static UsageClientBuilder builder() {
    return new UsageClientBuilder();
  }

  /**
   * Validates and sends, waiting up to {@code publishBlockTimeout} for buffer room.
   *
   * @return completes with where the event was stored, or with the write's error
   * @throws InvalidUsageEventException if the report breaks the contract (nothing is sent)
   * @throws BufferFullException if no room appeared in time (nothing is sent)
   */
  public CompletableFuture<PublishResult> publish(UsageReport report) {
    UsageEvent event = events.create(report);
    ensureOpen();
    return sender.sendWaiting(event, settings.publishBlockTimeout());
  }

  /** As {@link #publish(UsageReport)}, for an event built as the Avro record itself. */
  public CompletableFuture<PublishResult> publish(UsageEvent event) {
    events.check(event);
    ensureOpen();
    return sender.sendWaiting(event, settings.publishBlockTimeout());
  }

  /**
   * Validates and sends without ever waiting for buffer room, for request paths that must not
   * block.
   *
   * @throws InvalidUsageEventException if the report breaks the contract (nothing is sent)
   * @throws BufferFullException if the buffer is full right now (nothing is sent)
   */
  public CompletableFuture<PublishResult> tryPublish(UsageReport report) {
    UsageEvent event = events.create(report);
    ensureOpen();
    return sender.trySend(event);
  }

  /**
   * Asks the producer to send everything pending now.
   *
   * @return completes once every event accepted before this call is acknowledged or failed; each
   *     event's own future carries its outcome
   */
  public CompletableFuture<Void> flush() {
    return sender.flush();
  }

  /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_TIMEOUT}. */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }

  /**
   * Flushes, then closes the producer, together within {@code timeout}. Events still pending when
   * time runs out fail, and their futures say so. Then waits a bounded time (5 s) for the sender
   * thread to stop; the serializer is closed when that thread exits, even if that is later.
   * Idempotent: later calls return at once.
   */
  public void close(Duration timeout) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      flush().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOGGER.warn(
          "close: {} events still unacknowledged after {}; they will fail",
          sender.metrics().inFlight(),
          timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOGGER.warn("close interrupted while flushing; closing the producer now");
    } catch (ExecutionException e) {
      LOGGER.warn("close: flush failed; closing the producer now", e.getCause());
    } finally {
      long remaining = Math.max(0L, deadline - System.nanoTime());
      producer.close(Duration.ofNanos(remaining));
      // A sender thread still inside a send (stuck past the timeout) may yet encode queued
      // events: the serializer closes only once that thread has exited, never under it.
      sender.shutdown(senderStopTimeout, serializer::close);
      LOGGER.info("usage client closed: {}", sender.metrics());
    }
  }

  public UsageClientMetrics metrics() {
    return sender.metrics();
  }

  public String topic() {
    return settings.topic();
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("usage client is closed; build a new one to publish");
    }
  }
}
