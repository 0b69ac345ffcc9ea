package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void shouldReturnTheNearestRankOfUnsortedValues() {
    Percentiles percentiles =
        new Percentiles(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

    assertThat(percentiles.at(50)).isEqualTo(50);
    assertThat(percentiles.at(99)).isEqualTo(99);
    assertThat(percentiles.at(100)).isEqualTo(100);
    assertThat(percentiles.max()).isEqualTo(100);
  }

  @Test
  void shouldReturnTheOnlyValueForEveryPercentile() {
    Percentiles percentiles = new Percentiles(new long[] {7});

    assertThat(percentiles.at(1)).isEqualTo(7);
    assertThat(percentiles.at(99)).isEqualTo(7);
  }

  @Test
  void shouldSayThereAreNoSamplesInsteadOfReportingZero() {
    Percentiles percentiles = new Percentiles(new long[0]);

    assertThat(percentiles.at(99)).isEqualTo(-1);
    assertThat(percentiles).hasToString("no samples");
  }

  @Test
  void shouldRejectAPercentOutsideTheRange() {
    assertThatThrownBy(() -> new Percentiles(new long[] {1}).at(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 100]");
  }
}
