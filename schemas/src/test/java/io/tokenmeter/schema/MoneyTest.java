package io.tokenmeter.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void shouldParseToScaleTwelve() {
    assertThat(Money.usd("0.000003")).isEqualTo(new BigDecimal("0.000003000000"));
    assertThat(Money.usd(" 15 ")).isEqualTo(new BigDecimal("15.000000000000"));
    assertThat(Money.ZERO.scale()).isEqualTo(12);
  }

  @Test
  void shouldKeepTheSmallestRepresentableAmount() {
    assertThat(Money.normalize(new BigDecimal("1E-12")))
        .isEqualTo(new BigDecimal("0.000000000001"));
  }

  @Test
  void shouldRejectAmountsThatNeedRounding() {
    assertThatThrownBy(() -> Money.usd("0.0000000000001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 12 decimal places")
        .hasMessageContaining("round it explicitly");
  }

  @Test
  void shouldRejectAmountsBeyondThirtyEightDigits() {
    assertThatThrownBy(() -> Money.usd("100000000000000000000000000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 38 digits");
  }

  @Test
  void shouldExplainWhatIsWrongWithText() {
    assertThatThrownBy(() -> Money.usd("1,5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'1,5' is not a decimal number");
    assertThatThrownBy(() -> Money.normalize(null)).hasMessageContaining("Money.ZERO");
  }
}
