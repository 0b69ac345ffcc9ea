package io.tokenmeter.e2e;

import io.tokenmeter.sdk.client.UsageClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes through the SDK at a target rate for a duration: every millisecond it sends what the
 * rate owes so far. When the client's buffer is full, {@code publish} waits, so a producer that
 * cannot keep the rate falls behind instead of dropping events; the achieved rate is reported.
 * Records how many events had been handed to the client over time, which dates each event for the
 * end-to-end latency estimate.
 */
final class PacedPublisher {

  private static final long TICK_NANOS = Duration.ofMillis(1).toNanos();

  private final UsageClient client;
  private final BenchWorkload workload;
  private final Clock clock;
  private final Timeline timeline = new Timeline();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
  private long sent;
  private long startNanos;
  private long startMillis;
  private long endNanos;

  PacedPublisher(UsageClient client, BenchWorkload workload, Clock clock) {
    this.client = client;
    this.workload = workload;
    this.clock = clock;
  }

  /** Publishes for {@code duration} at {@code rate} events/s, then waits for every ack. */
  void run(int rate, Duration duration) {
    startNanos = System.nanoTime();
    startMillis = clock.millis();
    long stop = startNanos + duration.toNanos();
    for (long now = startNanos; now < stop; now = System.nanoTime()) {
      long due = Math.min(rate * (now - startNanos) / 1_000_000_000L, rate * duration.toSeconds());
      Instant stamp = clock.instant();
      while (sent < due) {
        client.publish(workload.event(sent, stamp)).whenComplete(this::acknowledge);
        sent++;
      }
      timeline.record(System.nanoTime(), sent);
      LockSupport.parkNanos(TICK_NANOS);
    }
    endNanos = System.nanoTime();
    client.flush().join();
    timeline.record(System.nanoTime(), sent);
  }

  private void acknowledge(Object result, Throwable failure) {
    if (failure == null) {
      acked.incrementAndGet();
    } else {
      firstFailure.compareAndSet(null, failure);
    }
  }

  long sent() {
    return sent;
  }

  long acked() {
    return acked.get();
  }

  Throwable firstFailure() {
    return firstFailure.get();
  }

  /** The clock's time when publishing began (events are stamped with the same clock). */
  long startMillis() {
    return startMillis;
  }

  long startNanos() {
    return startNanos;
  }

  /** Events per second handed to the client while publishing. */
  double achievedRate() {
    return sent * 1e9 / (endNanos - startNanos);
  }

  Duration publishing() {
    return Duration.ofNanos(endNanos - startNanos);
  }

  Timeline timeline() {
    return timeline;
  }
}
