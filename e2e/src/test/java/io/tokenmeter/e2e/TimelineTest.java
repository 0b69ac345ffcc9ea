package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {

  @Test
  void shouldAnswerTheFirstTimeACountWasReached() {
    Timeline timeline = new Timeline();
    timeline.record(100, 10);
    timeline.record(200, 10);
    timeline.record(300, 25);
    timeline.record(400, 40);

    assertThat(timeline.firstReached(1)).isEqualTo(100);
    assertThat(timeline.firstReached(10)).isEqualTo(100);
    assertThat(timeline.firstReached(11)).isEqualTo(300);
    assertThat(timeline.firstReached(40)).isEqualTo(400);
    assertThat(timeline.firstReached(41)).isEqualTo(-1);
    assertThat(timeline.size()).isEqualTo(3);
  }

  @Test
  void shouldGrowPastItsInitialCapacity() {
    Timeline timeline = new Timeline();
    for (int i = 1; i <= 5000; i++) {
      timeline.record(i * 10L, i);
    }

    assertThat(timeline.size()).isEqualTo(5000);
    assertThat(timeline.firstReached(4321)).isEqualTo(43210);
  }
}
