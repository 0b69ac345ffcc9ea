package io.tokenmeter.sink.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one assigned partition waiting to be written, and the batch in flight. At most one
 * batch per partition is in flight, which keeps each partition's writes in offset order.
 */
public final class PartitionBuffer {

  private final TopicPartition partition;
  private final Deque<ConsumerRecord<byte[], byte[]>> waiting = new ArrayDeque<>();
  private Instant oldestArrival;
  private Batch inFlight;
  private long alreadyWrittenUpTo = -1;
  private long skippedNextOffset = -1;
  private long skippedCount;

  public PartitionBuffer(TopicPartition partition) {
    this.partition = partition;
  }

  public TopicPartition partition() {
    return partition;
  }

  /** Records at or below this offset are already in ClickHouse (found after a restart). */
  public void skipUpTo(long offset) {
    this.alreadyWrittenUpTo = offset;
    while (!waiting.isEmpty() && waiting.peek().offset() <= offset) {
      skippedNextOffset = waiting.poll().offset() + 1;
      skippedCount++;
    }
    if (waiting.isEmpty()) {
      oldestArrival = null;
    }
  }

  public void add(ConsumerRecord<byte[], byte[]> record, Instant now) {
    if (record.offset() <= alreadyWrittenUpTo) {
      skippedNextOffset = record.offset() + 1;
      skippedCount++;
      return;
    }
    if (waiting.isEmpty()) {
      oldestArrival = now;
    }
    waiting.add(record);
  }

  /**
   * Records skipped as already written since the last call, with the offset to commit for them, so
   * the group moves past them even when nothing new is written.
   *
   * @param count how many records were skipped
   * @param nextOffset the offset after the last skipped record
   */
  public record Skipped(long count, long nextOffset) {}

  /** What was skipped since the last call, once, or empty. */
  public Optional<Skipped> takeSkipped() {
    if (skippedNextOffset < 0) {
      return Optional.empty();
    }
    Skipped skipped = new Skipped(skippedCount, skippedNextOffset);
    skippedNextOffset = -1;
    skippedCount = 0;
    return Optional.of(skipped);
  }

  /** Whether a new batch should be cut now: full, or the oldest record waited long enough. */
  public boolean isDue(Instant now, int maxRows, Duration maxWait) {
    if (inFlight != null || waiting.isEmpty()) {
      return false;
    }
    return waiting.size() >= maxRows || !now.isBefore(oldestArrival.plus(maxWait));
  }

  /** Cuts the next batch of at most {@code maxRows} records and makes it the one in flight. */
  public Batch cut(int maxRows) {
    if (inFlight != null) {
      throw new IllegalStateException("batch " + inFlight.dedupToken() + " is still in flight");
    }
    List<ConsumerRecord<byte[], byte[]>> records =
        new ArrayList<>(Math.min(maxRows, waiting.size()));
    while (!waiting.isEmpty() && records.size() < maxRows) {
      records.add(waiting.poll());
    }
    // What is left keeps its arrival time: it has waited as long, and is cut as soon as the
    // in-flight batch completes.
    if (waiting.isEmpty()) {
      oldestArrival = null;
    }
    inFlight = new Batch(partition, records);
    return inFlight;
  }

  /** The batch being written (or waiting to be retried), or null. */
  public Batch inFlight() {
    return inFlight;
  }

  /** The in-flight batch is in ClickHouse. */
  public void completeInFlight() {
    inFlight = null;
  }

  public int waitingCount() {
    return waiting.size();
  }
}
