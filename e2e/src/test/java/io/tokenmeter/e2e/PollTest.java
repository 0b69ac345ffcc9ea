package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

  @Test
  void shouldReturnOnceTheConditionHolds() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();

    boolean held = Poll.within(Duration.ofSeconds(10), () -> calls.incrementAndGet() >= 3);

    assertThat(held).isTrue();
    assertThat(calls).hasValue(3);
  }

  @Test
  void shouldReportFalseWhenTheConditionNeverHolds() throws InterruptedException {
    assertThat(Poll.within(Duration.ofMillis(300), () -> false)).isFalse();
  }

  @Test
  void shouldFailWithWhatItWaitedForAndTheStateAtTheDeadline() {
    assertThatThrownBy(
            () ->
                Poll.until(Duration.ofMillis(300), "4000 rows", () -> false, () -> "1234 rows now"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("waiting for 4000 rows")
        .hasMessageContaining("1234 rows now");
  }
}
