package io.tokenmeter.sink;

import io.tokenmeter.sink.batch.PartitionBuffer;
import io.tokenmeter.sink.error.Backoff;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition in the loop: its buffer, whether its written offset was recovered, and its
 * retry state (consecutive failures, when to try again, whether fetching is paused).
 */
final class PartitionState {

  final PartitionBuffer buffer;
  boolean paused;
  boolean recovered;
  private int failures;
  private Instant retryAt = Instant.MIN;

  PartitionState(TopicPartition partition) {
    this.buffer = new PartitionBuffer(partition);
  }

  TopicPartition partition() {
    return buffer.partition();
  }

  /** Counts a failure and schedules the next attempt; returns the attempt number that failed. */
  int failed(Instant now, Backoff backoff) {
    failures++;
    retryAt = now.plus(backoff.delayAfter(failures));
    return failures;
  }

  void succeeded() {
    failures = 0;
    retryAt = Instant.MIN;
  }

  /** Whether the last write or recovery attempt failed and has not succeeded since. */
  boolean failing() {
    return failures > 0;
  }

  /** Whether the last failure's backoff is still running. */
  boolean backingOff(Instant now) {
    return now.isBefore(retryAt);
  }

  Instant retryAt() {
    return retryAt;
  }
}
