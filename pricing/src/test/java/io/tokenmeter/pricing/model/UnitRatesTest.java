package io.tokenmeter.pricing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitRatesTest {

  private static BigDecimal rate(String value) {
    return new BigDecimal(value).setScale(12);
  }

  private static final UnitRates FULL =
      UnitRates.of(rate("0.000001"), rate("0.000002"))
          .withCacheRead(rate("0.0000001"))
          .withCacheWrites(rate("0.0000003"), rate("0.0000004"))
          .withReasoning(rate("0.000005"))
          .withAudio(rate("0.000006"), rate("0.0000007"), rate("0.000008"))
          .withPerRequest(rate("0.01"))
          .withOtherUnits(Map.of("image", rate("0.04")));

  @Test
  void shouldSetEachComponentThroughItsOwnWithMethod() {
    assertThat(FULL)
        .isEqualTo(
            new UnitRates(
                rate("0.000001"),
                rate("0.0000001"),
                rate("0.0000003"),
                rate("0.0000004"),
                rate("0.000002"),
                rate("0.000005"),
                rate("0.000006"),
                rate("0.0000007"),
                rate("0.000008"),
                rate("0.01"),
                Map.of("image", rate("0.04"))));
  }

  @Test
  void shouldLeaveEveryOtherComponentUnchangedWhenOneIsReplaced() {
    UnitRates changed = FULL.withCacheRead(rate("0.0000002"));

    assertThat(changed.cacheRead()).isEqualTo(rate("0.0000002"));
    assertThat(changed.withCacheRead(FULL.cacheRead())).isEqualTo(FULL);
    assertThat(
            FULL.withAudio(null, null, null)
                .withAudio(FULL.audioInput(), FULL.cacheAudioRead(), FULL.audioOutput()))
        .isEqualTo(FULL);
    assertThat(FULL.withAudio(null, null, null).effectiveAudioOutput()).isEqualTo(FULL.output());
  }

  @Test
  void shouldValidateARateSetThroughAWithMethod() {
    assertThatThrownBy(() -> FULL.withReasoning(new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reasoning rate");
  }
}
