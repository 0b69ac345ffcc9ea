package io.tokenmeter.cli.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsdPerMillionTest {

  @Test
  void shouldShowPerTokenRatesPerMillionExactly() {
    assertThat(UsdPerMillion.format(new BigDecimal("0.000003000000"))).isEqualTo("3");
    assertThat(UsdPerMillion.format(new BigDecimal("0.000000083333"))).isEqualTo("0.083333");
    assertThat(UsdPerMillion.format(new BigDecimal("0.000100000000"))).isEqualTo("100");
    assertThat(UsdPerMillion.format(null)).isEqualTo("-");
    assertThat(UsdPerMillion.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
  }
}
