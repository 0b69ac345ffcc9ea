package io.tokenmeter.sink;

import java.time.Instant;

/**
 * What the health endpoint needs to know about one sink instance, written by the sink's threads and
 * read by the HTTP thread: every field is volatile and {@link #snapshot()} copies them together.
 */
public final class SinkStatus {

  /** Lifecycle of the instance, in order. */
  public enum Phase {
    /** Connecting to ClickHouse and applying migrations; the loop is not running yet. */
    STARTING,
    RUNNING,
    /** {@code close()} was called: final write and commit. */
    STOPPING,
    STOPPED,
    /** The loop died on an unexpected error; the process should be restarted. */
    FAILED
  }

  /**
   * A consistent-enough copy for one health answer. {@code lastPoll} is null before the first poll;
   * {@code lastWriteError} is null when no partition is retrying.
   */
  public record Snapshot(
      Phase phase,
      String failure,
      boolean migrated,
      boolean assignmentReceived,
      int assignedPartitions,
      int retryingPartitions,
      String lastWriteError,
      Instant lastPoll) {}

  private volatile Phase phase = Phase.STARTING;
  private volatile String failure;
  private volatile boolean migrated;
  private volatile boolean assignmentReceived;
  private volatile int assignedPartitions;
  private volatile int retryingPartitions;
  private volatile String lastWriteError;
  private volatile Instant lastPoll;

  public Snapshot snapshot() {
    return new Snapshot(
        phase,
        failure,
        migrated,
        assignmentReceived,
        assignedPartitions,
        retryingPartitions,
        retryingPartitions == 0 ? null : lastWriteError,
        lastPoll);
  }

  void phase(Phase value) {
    this.phase = value;
  }

  void failed(Throwable error) {
    this.failure = error.getClass().getSimpleName() + ": " + error.getMessage();
    this.phase = Phase.FAILED;
  }

  void migrated() {
    this.migrated = true;
  }

  /** Called on every rebalance, also when this instance got no partition. */
  void assigned(int partitions) {
    this.assignedPartitions = partitions;
    this.assignmentReceived = true;
  }

  /** After a revocation: fewer partitions, the group's assignment still pending or complete. */
  void owned(int partitions) {
    this.assignedPartitions = partitions;
  }

  void writeFailed(String message) {
    this.lastWriteError = message;
  }

  /** After each poll: how many partitions are waiting to retry a failed write or recovery. */
  void polled(Instant at, int retrying) {
    this.retryingPartitions = retrying;
    this.lastPoll = at;
  }
}
