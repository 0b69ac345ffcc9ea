package io.tokenmeter.embedded.clickhouse.compression;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.data.ClickHouseCityHash;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@SuppressWarnings(
    "deprecation") // the driver marks its CityHash deprecated; it is only the oracle here
class CityHash128Test {

  @Test
  void shouldMatchTheDriversCityHashForEveryLengthUpTo2000() {
    SplittableRandom random = new SplittableRandom(20261122L);
    byte[] data = new byte[2000 + 7];
    random.nextBytes(data);
    for (int length = 0; length <= 2000; length++) {
      int offset = length % 7; // also exercises unaligned starts
      long[] expected = ClickHouseCityHash.cityHash128(data, offset, length);
      assertThat(CityHash128.hash(data, offset, length))
          .as("CityHash128 of %d bytes at offset %d", length, offset)
          .containsExactly(expected);
    }
  }

  @Test
  void shouldMatchTheDriversCityHashOnRepetitiveAndHighBitInput() {
    for (byte fill : new byte[] {0, (byte) 0xff, (byte) 0x80, 'a'}) {
      for (int length : new int[] {1, 15, 16, 17, 127, 128, 129, 255, 256, 4096, 65_537}) {
        byte[] data = new byte[length];
        java.util.Arrays.fill(data, fill);
        assertThat(CityHash128.hash(data, 0, length))
            .as("fill %d length %d", fill, length)
            .containsExactly(ClickHouseCityHash.cityHash128(data, 0, length));
      }
    }
  }

  @Test
  void shouldGiveDifferentHashesForInputsDifferingInOneBit() {
    byte[] a = new byte[300];
    byte[] b = new byte[300];
    b[299] = 1;
    assertThat(CityHash128.hash(a, 0, 300)).isNotEqualTo(CityHash128.hash(b, 0, 300));
  }
}
