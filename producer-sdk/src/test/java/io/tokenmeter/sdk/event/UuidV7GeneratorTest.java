package io.tokenmeter.sdk.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

  @Test
  void shouldEncodeVersionVariantAndClockMillis() {
    UUID id = new UuidV7Generator(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom()).next();
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  void shouldStayStrictlyIncreasingAndUniqueWhenClockStandsStill() {
    UuidV7Generator generator =
        new UuidV7Generator(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
    List<UUID> ids = new ArrayList<>();
    // More than the 4,096 values of the 12-bit counter, so the overflow path is exercised too.
    for (int i = 0; i < 10_000; i++) {
      ids.add(generator.next());
    }
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    for (int i = 1; i < ids.size(); i++) {
      assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
    }
    long lastMillis = ids.get(ids.size() - 1).getMostSignificantBits() >>> 16;
    assertThat(lastMillis).isGreaterThan(NOW.toEpochMilli());
  }

  @Test
  void shouldSortByCreationTimeAcrossMilliseconds() {
    UUID earlier = new UuidV7Generator(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom()).next();
    UUID later =
        new UuidV7Generator(Clock.fixed(NOW.plusMillis(1), ZoneOffset.UTC), new SecureRandom())
            .next();
    assertThat(later.toString()).isGreaterThan(earlier.toString());
  }

  @Test
  void shouldDrawRandomBitsInBulkAndStillMakeEveryIdDistinct() {
    int[] draws = {0};
    SecureRandom counting =
        new SecureRandom() {
          @Override
          public void nextBytes(byte[] bytes) {
            draws[0]++;
            super.nextBytes(bytes);
          }
        };
    UuidV7Generator generator = new UuidV7Generator(Clock.systemUTC(), counting);
    HashSet<UUID> ids = new HashSet<>();
    for (int i = 0; i < 6_400; i++) {
      ids.add(generator.next());
    }

    assertThat(ids).hasSize(6_400);
    // At most two longs per id (rand_b, and a counter start per new millisecond), 64 per draw.
    assertThat(draws[0]).isBetween(100, 200);
    assertThat(ids.stream().map(id -> id.getLeastSignificantBits() & 0xFFFFL).distinct().count())
        .as("rand_b varies")
        .isGreaterThan(6_000);
  }
}
