package io.tokenmeter.e2e;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the run's rows in ClickHouse every {@link #INTERVAL} on its own connection and thread.
 * With the publisher's {@link Timeline} this estimates end-to-end latency without per-event
 * bookkeeping: when the count first reads n, the n-th event (in publish order) had been sent at the
 * time the publisher reached n. Rows arrive in batches and partitions interleave, so this is an
 * estimate with the sampling interval as its resolution.
 */
final class RowSampler implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(RowSampler.class);
  static final Duration INTERVAL = Duration.ofMillis(500);

  private final ClickHouseReads reads;
  private final PricedUsageCheck rows;
  private final Timeline samples = new Timeline();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long latest;

  RowSampler(String jdbcUrl, String tenantPrefix) throws SQLException {
    this.reads = new ClickHouseReads(jdbcUrl);
    this.rows = new PricedUsageCheck(reads, tenantPrefix);
    this.thread = Thread.ofPlatform().name("bench-row-sampler").start(this::sampleLoop);
  }

  private void sampleLoop() {
    try {
      while (running) {
        long count = rows.rows();
        synchronized (samples) {
          samples.record(System.nanoTime(), count);
        }
        latest = count;
        Thread.sleep(INTERVAL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOGGER.error("row sampler stopped", e);
    }
  }

  /** The last count read. */
  long latest() {
    return latest;
  }

  /** When the count was first seen at or above {@code count}; -1 if not yet. */
  long firstSeen(long count) {
    synchronized (samples) {
      return samples.firstReached(count);
    }
  }

  /** For each sample where the count grew: sample time minus when that many had been published. */
  Percentiles endToEndLatencies(Timeline published) {
    List<Long> millis = new ArrayList<>();
    synchronized (samples) {
      for (int i = 0; i < samples.size(); i++) {
        long sentAt = published.firstReached(samples.countAt(i));
        if (samples.countAt(i) > 0 && sentAt >= 0) {
          millis.add(Duration.ofNanos(samples.nanosAt(i) - sentAt).toMillis());
        }
      }
    }
    return new Percentiles(millis.stream().mapToLong(Long::longValue).toArray());
  }

  @Override
  public void close() throws InterruptedException, SQLException {
    running = false;
    thread.interrupt();
    thread.join();
    reads.close();
  }
}
