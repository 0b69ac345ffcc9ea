package io.tokenmeter.sink.http;

import io.tokenmeter.sink.SinkStatus;
import io.tokenmeter.sink.SinkStatus.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides liveness and readiness from a {@link SinkStatus.Snapshot}. Live means "do not restart
 * me": the loop runs (or is still starting or stopping). Ready means "I am doing my job": schema
 * migrated, polling, the group gave this instance its assignment, and no partition is stuck
 * retrying a write (ClickHouse unreachable or rejecting).
 */
public final class HealthCheck {

  /**
   * One loop iteration can block in a write up to the 60 s JDBC socket timeout
   * (ClickHouseSink.DEFAULT_SOCKET_TIMEOUT_MS); a loop silent for twice that is taken as stuck.
   */
  public static final Duration DEFAULT_MAX_POLL_SILENCE = Duration.ofSeconds(120);

  private final Duration maxPollSilence;

  public HealthCheck() {
    this(DEFAULT_MAX_POLL_SILENCE);
  }

  public HealthCheck(Duration maxPollSilence) {
    Objects.requireNonNull(maxPollSilence, "maxPollSilence");
    if (maxPollSilence.isNegative() || maxPollSilence.isZero()) {
      throw new IllegalArgumentException("maxPollSilence must be positive, got " + maxPollSilence);
    }
    this.maxPollSilence = maxPollSilence;
  }

  public HealthResult live(SinkStatus.Snapshot status) {
    return switch (status.phase()) {
      case FAILED -> HealthResult.down("the sink loop failed: " + status.failure());
      case STOPPED -> HealthResult.down("the sink loop has stopped");
      case STARTING -> HealthResult.up("starting");
      case RUNNING -> HealthResult.up("running");
      case STOPPING -> HealthResult.up("stopping");
    };
  }

  public HealthResult ready(SinkStatus.Snapshot status, Instant now) {
    if (status.phase() != Phase.RUNNING) {
      return live(status).up()
          ? HealthResult.down("not running yet or any more: " + status.phase())
          : live(status);
    }
    if (!status.migrated()) {
      return HealthResult.down("ClickHouse schema migrations are not applied yet");
    }
    if (status.lastPoll() == null) {
      return HealthResult.down("the consumer has not polled Kafka yet");
    }
    Duration silence = Duration.between(status.lastPoll(), now);
    if (silence.compareTo(maxPollSilence) > 0) {
      return HealthResult.down(
          "the consumer has not polled for "
              + silence.toSeconds()
              + " s (limit "
              + maxPollSilence.toSeconds()
              + " s): a write may be hanging");
    }
    if (!status.assignmentReceived()) {
      return HealthResult.down("waiting for the consumer group to assign partitions");
    }
    if (status.retryingPartitions() > 0) {
      return HealthResult.down(
          status.retryingPartitions()
              + " partition(s) retrying with backoff; last error: "
              + status.lastWriteError());
    }
    return HealthResult.up(
        "polling, " + status.assignedPartitions() + " partition(s) assigned, writes succeeding");
  }
}
