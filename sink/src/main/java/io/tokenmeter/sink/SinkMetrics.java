package io.tokenmeter.sink;

import io.tokenmeter.sink.row.SinkTable;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one sink instance; thread-safe to read while the sink runs. */
public final class SinkMetrics {

  private final Map<SinkTable, AtomicLong> rowsWritten = new EnumMap<>(SinkTable.class);
  private final AtomicLong batchesWritten = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong recordsSkippedAsWritten = new AtomicLong();
  private final AtomicLong commitFailures = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();

  public SinkMetrics() {
    for (SinkTable table : SinkTable.values()) {
      rowsWritten.put(table, new AtomicLong());
    }
  }

  /** Rows sent to the table (a block dropped as a duplicate by its token still counts). */
  public long rowsWritten(SinkTable table) {
    return rowsWritten.get(table).get();
  }

  /** Batches written completely (and then committed). */
  public long batchesWritten() {
    return batchesWritten.get();
  }

  /** Failed attempts that will be (or were) retried. */
  public long retries() {
    return retries.get();
  }

  /** Records the sink itself dead-lettered (decode, mapping or ClickHouse rejection). */
  public long deadLetters() {
    return deadLetters.get();
  }

  /** Records skipped after a restart because ClickHouse already had them. */
  public long recordsSkippedAsWritten() {
    return recordsSkippedAsWritten.get();
  }

  public long commitFailures() {
    return commitFailures.get();
  }

  /** Records not yet consumed, summed over the assigned partitions, at the last poll. */
  public long lag() {
    return lag.get();
  }

  void addRows(SinkTable table, long rows) {
    rowsWritten.get(table).addAndGet(rows);
  }

  void batchWritten() {
    batchesWritten.incrementAndGet();
  }

  void retried() {
    retries.incrementAndGet();
  }

  void deadLettered(long count) {
    deadLetters.addAndGet(count);
  }

  void skipped(long count) {
    recordsSkippedAsWritten.addAndGet(count);
  }

  void commitFailed() {
    commitFailures.incrementAndGet();
  }

  void lag(long value) {
    lag.set(value);
  }

  @Override
  public String toString() {
    return "SinkMetrics{rowsWritten="
        + rowsWritten
        + ", batches="
        + batchesWritten
        + ", retries="
        + retries
        + ", deadLetters="
        + deadLetters
        + ", skippedAsWritten="
        + recordsSkippedAsWritten
        + ", lag="
        + lag
        + "}";
  }
}
