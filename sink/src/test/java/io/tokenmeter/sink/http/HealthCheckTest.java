package io.tokenmeter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.sink.SinkStatus.Phase;
import io.tokenmeter.sink.SinkStatus.Snapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

  private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
  private final HealthCheck check = new HealthCheck(Duration.ofSeconds(30));

  private static Snapshot healthy() {
    return new Snapshot(Phase.RUNNING, null, true, true, 4, 0, null, NOW.minusSeconds(1));
  }

  @Test
  void shouldBeLiveAndReadyWhenPollingWithAnAssignmentAndNoRetries() {
    assertThat(check.live(healthy())).isEqualTo(new HealthResult(true, "running"));
    assertThat(check.ready(healthy(), NOW))
        .isEqualTo(new HealthResult(true, "polling, 4 partition(s) assigned, writes succeeding"));
  }

  @Test
  void shouldBeLiveButNotReadyWhileStartingOrStopping() {
    Snapshot starting = new Snapshot(Phase.STARTING, null, false, false, 0, 0, null, null);
    assertThat(check.live(starting).up()).isTrue();
    assertThat(check.ready(starting, NOW))
        .isEqualTo(new HealthResult(false, "not running yet or any more: STARTING"));
    Snapshot stopping = new Snapshot(Phase.STOPPING, null, true, true, 4, 0, null, NOW);
    assertThat(check.live(stopping)).isEqualTo(new HealthResult(true, "stopping"));
    assertThat(check.ready(stopping, NOW).up()).isFalse();
  }

  @Test
  void shouldBeNeitherLiveNorReadyAfterTheLoopFailedOrStopped() {
    Snapshot failed =
        new Snapshot(Phase.FAILED, "IllegalStateException: boom", true, true, 4, 0, null, NOW);
    HealthResult down =
        new HealthResult(false, "the sink loop failed: IllegalStateException: boom");
    assertThat(check.live(failed)).isEqualTo(down);
    assertThat(check.ready(failed, NOW)).isEqualTo(down);
    Snapshot stopped = new Snapshot(Phase.STOPPED, null, true, true, 0, 0, null, NOW);
    assertThat(check.live(stopped)).isEqualTo(new HealthResult(false, "the sink loop has stopped"));
  }

  @Test
  void shouldNotBeReadyBeforeMigrationsThePollOrTheAssignment() {
    assertThat(check.ready(new Snapshot(Phase.RUNNING, null, false, true, 4, 0, null, NOW), NOW))
        .isEqualTo(new HealthResult(false, "ClickHouse schema migrations are not applied yet"));
    assertThat(check.ready(new Snapshot(Phase.RUNNING, null, true, false, 0, 0, null, null), NOW))
        .isEqualTo(new HealthResult(false, "the consumer has not polled Kafka yet"));
    assertThat(check.ready(new Snapshot(Phase.RUNNING, null, true, false, 0, 0, null, NOW), NOW))
        .isEqualTo(new HealthResult(false, "waiting for the consumer group to assign partitions"));
  }

  @Test
  void shouldBeReadyWithAnEmptyAssignmentBecauseSpareInstancesAreHealthy() {
    Snapshot spare = new Snapshot(Phase.RUNNING, null, true, true, 0, 0, null, NOW);
    assertThat(check.ready(spare, NOW).up()).isTrue();
  }

  @Test
  void shouldNotBeReadyWhileAPartitionRetriesAWrite() {
    Snapshot retrying =
        new Snapshot(
            Phase.RUNNING, null, true, true, 4, 2, "writing t failed: Connection refused", NOW);
    assertThat(check.ready(retrying, NOW))
        .isEqualTo(
            new HealthResult(
                false,
                "2 partition(s) retrying with backoff; last error: writing t failed: Connection"
                    + " refused"));
    assertThat(check.live(retrying).up()).isTrue();
  }

  @Test
  void shouldNotBeReadyWhenTheLoopHasNotPolledForLongerThanTheLimit() {
    Snapshot silent =
        new Snapshot(Phase.RUNNING, null, true, true, 4, 0, null, NOW.minusSeconds(31));
    assertThat(check.ready(silent, NOW))
        .isEqualTo(
            new HealthResult(
                false,
                "the consumer has not polled for 31 s (limit 30 s): a write may be hanging"));
    assertThat(check.ready(silent, NOW.minusSeconds(1)).up()).isTrue();
  }

  @Test
  void shouldRejectANonPositivePollSilence() {
    assertThatThrownBy(() -> new HealthCheck(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPollSilence must be positive, got PT0S");
  }
}
