package io.tokenmeter.processor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowCloseTrackerTest {
  private final WindowCloseTracker tracker = new WindowCloseTracker(Duration.ofSeconds(10));

  @Test
  void shouldTrustOnlyWindowsThatClosedACheckIntervalBeforeTheCommittedStreamTime() {
    tracker.restart(100_000);
    assertThat(tracker.finalizedUpTo()).isEqualTo(89_999);

    tracker.restart(-1);
    assertThat(tracker.finalizedUpTo()).as("unknown stream time: nothing assumed").isEqualTo(-1);

    tracker.restart(5_000);
    assertThat(tracker.finalizedUpTo()).isEqualTo(-1);
  }

  @Test
  void shouldAskForAStoreReadOnlyOnceAnOpenWindowHasClosed() {
    tracker.restart(-1);
    tracker.opened(60_000);
    tracker.opened(120_000);

    assertThat(tracker.anyClosedBy(59_999)).isFalse();
    assertThat(tracker.anyClosedBy(60_000)).isTrue();

    tracker.finalizedUpTo(60_000);

    assertThat(tracker.anyClosedBy(119_999)).isFalse();
    assertThat(tracker.anyClosedBy(120_000)).isTrue();
    assertThat(tracker.finalizedUpTo()).isEqualTo(60_000);
  }

  @Test
  void shouldForgetOpenWindowsOnRestart() {
    tracker.opened(60_000);

    tracker.restart(-1);

    assertThat(tracker.anyClosedBy(Long.MAX_VALUE)).isFalse();
  }

  @Test
  void shouldHandOutEachExpiryRangeOnce() {
    tracker.restart(-1);

    assertThat(tracker.expireFrom(1_000)).isEqualTo(0);
    assertThat(tracker.expireFrom(1_000)).as("already deleted").isEqualTo(-1);
    assertThat(tracker.expireFrom(5_000)).isEqualTo(1_001);

    tracker.restart(-1);
    assertThat(tracker.expireFrom(5_000)).as("after a restart from the start").isEqualTo(0);
  }
}
