package io.tokenmeter.dev.demo;

import io.tokenmeter.sdk.client.UsageClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link DemoTraffic} through the producer SDK on its own thread at a steady rate, until
 * its limit or {@link #close()}. The SDK's futures count what the broker acknowledged.
 */
public final class DemoPublisher implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(DemoPublisher.class);

  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final UsageClient client;
  private final DemoTraffic traffic;
  private final int ratePerSecond;
  private final long limit;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param limit events to publish, 0 = until closed
   */
  public DemoPublisher(UsageClient client, DemoTraffic traffic, int ratePerSecond, long limit) {
    this.client = client;
    this.traffic = traffic;
    this.ratePerSecond = ratePerSecond;
    this.limit = limit;
    this.thread = Thread.ofPlatform().name("tokenmeter-dev-demo").daemon().unstarted(this::run);
  }

  public DemoPublisher start() {
    thread.start();
    return this;
  }

  private void run() {
    long interval = NANOS_PER_SECOND / ratePerSecond;
    long next = System.nanoTime();
    try {
      while (running && (limit == 0 || traffic.produced() < limit)) {
        client
            .publish(traffic.next())
            .whenComplete(
                (stored, error) -> {
                  if (error == null) {
                    acknowledged.incrementAndGet();
                  } else {
                    failed.incrementAndGet();
                    LOGGER.warn("Demo event not stored: {}", error.getMessage());
                  }
                });
        next += interval;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      client.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOGGER.error("Demo traffic stopped", e);
    }
  }

  /** Events the broker acknowledged. */
  public long acknowledged() {
    return acknowledged.get();
  }

  public long failed() {
    return failed.get();
  }

  /** Waits until the demo published its limit (or was closed), then until the SDK settled. */
  public void awaitDone(Duration timeout) throws InterruptedException {
    thread.join(timeout);
    client.flush().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
  }

  /** Stops publishing; what the SDK accepted is flushed by its bounded close. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(CLOSE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close(CLOSE_TIMEOUT);
  }
}
