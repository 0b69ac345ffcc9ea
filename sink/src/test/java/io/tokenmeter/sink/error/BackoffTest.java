package io.tokenmeter.sink.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleFromTheInitialDelayUpToTheCapForEver() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(1_000_000)).isEqualTo(Duration.ofSeconds(1));
  }
}
