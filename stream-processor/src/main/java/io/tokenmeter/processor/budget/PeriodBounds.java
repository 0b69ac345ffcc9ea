package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetPeriod;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * One calendar period of a budget, as instants. Boundaries are local midnights in the budget's time
 * zone, so a DAY across a daylight-saving change lasts 23 or 25 hours and a MONTH ends on its own
 * last day.
 */
public record PeriodBounds(Instant start, Instant end) {

  /** The period of kind {@code period} in {@code zone} that contains {@code instant}. */
  public static PeriodBounds of(BudgetPeriod period, ZoneId zone, Instant instant) {
    LocalDate day = instant.atZone(zone).toLocalDate();
    LocalDate first =
        switch (period) {
          case DAY -> day;
          case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case MONTH -> day.withDayOfMonth(1);
          case UNKNOWN ->
              throw new IllegalArgumentException("an UNKNOWN period cannot be evaluated");
        };
    LocalDate next =
        switch (period) {
          case DAY -> first.plusDays(1);
          case WEEK -> first.plusWeeks(1);
          default -> first.plusMonths(1);
        };
    return new PeriodBounds(
        first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
  }

  public Duration length() {
    return Duration.between(start, end);
  }
}
