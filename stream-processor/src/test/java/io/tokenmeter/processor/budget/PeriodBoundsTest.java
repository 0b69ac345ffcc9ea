package io.tokenmeter.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.schema.v1.BudgetPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodBoundsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void shouldMakeTheDstSpringForwardDay23HoursLong() {
    PeriodBounds day =
        PeriodBounds.of(BudgetPeriod.DAY, BERLIN, Instant.parse("2026-03-29T12:00:00Z"));
    assertThat(day.start()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void shouldEndTheMonthAtLocalMidnightNotUtc() {
    // 2026-02-01T03:00Z is still January 31st, 22:00 in New York.
    PeriodBounds month =
        PeriodBounds.of(BudgetPeriod.MONTH, NEW_YORK, Instant.parse("2026-02-01T03:00:00Z"));
    assertThat(month.start()).isEqualTo(Instant.parse("2026-01-01T05:00:00Z"));
    assertThat(month.end()).isEqualTo(Instant.parse("2026-02-01T05:00:00Z"));
  }

  @Test
  void shouldStartTheWeekOnMonday() {
    PeriodBounds week =
        PeriodBounds.of(BudgetPeriod.WEEK, ZoneId.of("UTC"), Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(week.start()).isEqualTo(Instant.parse("2026-02-23T00:00:00Z"));
    assertThat(week.end()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
  }
}
