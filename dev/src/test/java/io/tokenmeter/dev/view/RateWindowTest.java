package io.tokenmeter.dev.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RateWindowTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void shouldStartAtZeroAndAverageOverTheSpan() {
    RateWindow window = new RateWindow(Duration.ofSeconds(10));

    assertThat(window.add(AT, 0)).isZero();
    // Batches of 40 rows every other second: 20 events/s, not 40 and 0 by turns.
    assertThat(window.add(AT.plusSeconds(1), 0)).isZero();
    assertThat(window.add(AT.plusSeconds(2), 40)).isEqualTo(20.0);
    assertThat(window.add(AT.plusSeconds(3), 40)).isCloseTo(13.3, Offset.offset(0.1));
    assertThat(window.add(AT.plusSeconds(4), 80)).isEqualTo(20.0);
  }

  @Test
  void shouldForgetReadingsOlderThanTheSpan() {
    RateWindow window = new RateWindow(Duration.ofSeconds(10));
    window.add(AT, 0);
    window.add(AT.plusSeconds(5), 1_000); // a burst long ago

    assertThat(window.add(AT.plusSeconds(20), 1_100)).isEqualTo(100 / 15.0);
    assertThat(window.add(AT.plusSeconds(30), 1_200)).isEqualTo(10.0);
  }

  @Test
  void shouldNotDivideByZeroOrGoNegative() {
    RateWindow window = new RateWindow(Duration.ofSeconds(10));
    window.add(AT, 50);

    assertThat(window.add(AT, 60)).isZero();
    assertThat(window.add(AT.plusSeconds(1), 10)).isZero(); // a total that shrank (day rollover)
  }
}
