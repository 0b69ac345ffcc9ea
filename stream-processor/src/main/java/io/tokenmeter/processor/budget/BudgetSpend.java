package io.tokenmeter.processor.budget;

import io.tokenmeter.processor.aggregate.CostSums;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetAlertKind;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.BudgetStatus;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds one priced event to a budget's period spend and decides which alerts it fires. Pure: the
 * processor keeps the state; this class only computes the next one.
 *
 * <p>Rules: each threshold fires once per period, when spend first reaches it (one event can cross
 * several). A new period starts from zero. An event of an earlier period than the one held is not
 * counted (the period's alerts are history), nor one of a period that ended before the budget was
 * defined. The forecast fires at most once per period, while spend is still below the limit, when
 * linear projection to the period end exceeds the limit; only after {@link
 * #FORECAST_MIN_ELAPSED_FRACTION} of the period, so one early call cannot project a month. A budget
 * redefined to measure something else (see {@link #measuresTheSame}) starts afresh, like a budget
 * first seen.
 */
public final class BudgetSpend {
  /** Share of a period that must have passed before a forecast is trusted (1/10). */
  public static final int FORECAST_MIN_ELAPSED_FRACTION = 10;

  private BudgetSpend() {}

  /** The next state and alerts, or empty if the event belongs to an earlier period than held. */
  public static Optional<BudgetStep> add(
      BudgetDefinition budget,
      BudgetState current,
      boolean forecastFired,
      PricedUsage priced,
      Instant now) {
    UsageEvent event = priced.getEvent();
    PeriodBounds period =
        PeriodBounds.of(budget.getPeriod(), ZoneId.of(budget.getTimeZone()), event.getEventTime());
    BudgetState held = current != null && measuresTheSame(budget, current) ? current : null;
    boolean samePeriod = held != null && held.getPeriodStart().equals(period.start());
    if (held != null && period.start().isBefore(held.getPeriodStart())) {
      return Optional.empty();
    }
    if (held == null && !period.end().isAfter(budget.getUpdatedAt())) {
      return Optional.empty(); // a period that ended before this definition was written
    }
    BigDecimal before = samePeriod ? held.getSpendUsd() : CostSums.ZERO;
    Integer highest = samePeriod ? highestCrossed(budget, held) : null;
    // A new limit re-arms the forecast: a projection over it is news.
    boolean forecastDone = samePeriod && forecastFired && sameLimit(budget, held);
    Instant countedSince = countedSince(budget, period, held, samePeriod);
    BigDecimal spend = CostSums.add(before, priced.getTotalCost());
    List<BudgetAlert> alerts = new ArrayList<>();
    for (int percent : budget.getThresholdsPercent().stream().sorted().toList()) {
      if ((highest == null || percent > highest) && spend.compareTo(share(budget, percent)) >= 0) {
        alerts.add(
            BudgetAlerts.of(
                budget, period, BudgetAlertKind.THRESHOLD, percent, spend, null, event, now));
        highest = percent;
      }
    }
    boolean forecastNow = false;
    if (budget.getForecastAlerts() && !forecastDone && spend.compareTo(budget.getLimitUsd()) < 0) {
      Optional<BigDecimal> projected = projection(period, spend, event.getEventTime());
      if (projected.isPresent() && projected.get().compareTo(budget.getLimitUsd()) > 0) {
        alerts.add(
            BudgetAlerts.of(
                budget,
                period,
                BudgetAlertKind.FORECAST,
                null,
                spend,
                projected.get(),
                event,
                now));
        forecastNow = true;
      }
    }
    BudgetState state = state(budget, period, spend, highest, countedSince, now);
    return Optional.of(new BudgetStep(state, alerts, forecastDone || forecastNow));
  }

  /**
   * The held state under a changed definition, to emit at once rather than with the next event: a
   * gateway refusing the calls of an EXCEEDED hard budget would never let that event come after the
   * limit was raised. A new measure (see {@link #measuresTheSame}) shows zero spend in the period
   * of the redefinition, counted since then; a new limit, mode or threshold list keeps the spend,
   * recomputes the highest threshold crossed (see {@link #highestCrossed}) and the status. Empty
   * when nothing a reader acts on changed.
   */
  public static Optional<BudgetState> redefine(
      BudgetDefinition budget, BudgetState held, Instant now) {
    if (!measuresTheSame(budget, held)) {
      PeriodBounds period =
          PeriodBounds.of(
              budget.getPeriod(), ZoneId.of(budget.getTimeZone()), budget.getUpdatedAt());
      Instant since = budget.getUpdatedAt().isAfter(period.start()) ? budget.getUpdatedAt() : null;
      return Optional.of(state(budget, period, CostSums.ZERO, null, since, now));
    }
    Integer highest = highestCrossed(budget, held);
    if (sameLimit(budget, held)
        && budget.getMode() == held.getMode()
        && Objects.equals(highest, held.getHighestThresholdCrossed())) {
      return Optional.empty();
    }
    PeriodBounds period = new PeriodBounds(held.getPeriodStart(), held.getPeriodEnd());
    return Optional.of(
        state(budget, period, held.getSpendUsd(), highest, held.getCountedSince(), now));
  }

  /**
   * The highest threshold to treat as announced under the definition. Same limit and the held
   * threshold still defined: the one held. Otherwise the lower of the held one and the highest the
   * held spend reaches under the new limit and thresholds (none if either is none): a raised
   * limit's thresholds fire again as spend reaches them, and thresholds a cut put behind the spend
   * fire with the next counted event (changing a definition is not an event to alert on).
   */
  private static Integer highestCrossed(BudgetDefinition budget, BudgetState held) {
    Integer announced = held.getHighestThresholdCrossed();
    if (sameLimit(budget, held)
        && (announced == null || budget.getThresholdsPercent().contains(announced))) {
      return announced;
    }
    Integer reached = null;
    for (int percent : budget.getThresholdsPercent()) {
      if (held.getSpendUsd().compareTo(share(budget, percent)) >= 0
          && (reached == null || percent > reached)) {
        reached = percent;
      }
    }
    return announced == null || reached == null ? null : Math.min(announced, reached);
  }

  static boolean sameLimit(BudgetDefinition budget, BudgetState held) {
    return budget.getLimitUsd().compareTo(held.getLimitUsd()) == 0;
  }

  /**
   * Whether the held state measures what the definition does. A budget redefined with another
   * scope, period kind or time zone measures something else: its held spend (of other usage, or of
   * a period that began elsewhere) says nothing about the new one, which counts afresh from the
   * redefinition. Limit, thresholds, mode and forecasts are settings of the same measure: kept.
   */
  static boolean measuresTheSame(BudgetDefinition budget, BudgetState held) {
    return budget.getScope().equals(held.getScope())
        && budget.getPeriod() == held.getPeriod()
        && budget.getTimeZone().equals(held.getTimeZone());
  }

  private static BigDecimal share(BudgetDefinition budget, int percent) {
    return budget.getLimitUsd().multiply(BigDecimal.valueOf(percent)).movePointLeft(2);
  }

  /** Linear projection of spend to the period end, once enough of the period has passed. */
  static Optional<BigDecimal> projection(PeriodBounds period, BigDecimal spend, Instant at) {
    long elapsed = Duration.between(period.start(), at).toMillis();
    long length = period.length().toMillis();
    if (elapsed * FORECAST_MIN_ELAPSED_FRACTION < length || elapsed <= 0) {
      return Optional.empty();
    }
    BigDecimal projected =
        spend
            .multiply(BigDecimal.valueOf(length))
            .divide(BigDecimal.valueOf(elapsed), CostSums.SCALE, RoundingMode.HALF_EVEN);
    return Optional.of(projected);
  }

  /**
   * Spend counts from when the processor first knew the budget: a budget defined mid-period says so
   * (counted_since) rather than pretending its spend covers the whole period.
   */
  private static Instant countedSince(
      BudgetDefinition budget, PeriodBounds period, BudgetState held, boolean samePeriod) {
    if (samePeriod) {
      return held.getCountedSince();
    }
    if (held == null && budget.getUpdatedAt().isAfter(period.start())) {
      return budget.getUpdatedAt();
    }
    return null;
  }

  private static BudgetState state(
      BudgetDefinition budget,
      PeriodBounds period,
      BigDecimal spend,
      Integer highest,
      Instant countedSince,
      Instant now) {
    return BudgetState.newBuilder()
        .setBudgetId(budget.getBudgetId())
        .setScope(budget.getScope())
        .setPeriod(budget.getPeriod())
        .setTimeZone(budget.getTimeZone())
        .setPeriodStart(period.start())
        .setPeriodEnd(period.end())
        .setSpendUsd(spend)
        .setLimitUsd(budget.getLimitUsd())
        .setStatus(status(budget, spend, highest))
        .setMode(budget.getMode())
        .setCountedSince(countedSince)
        .setHighestThresholdCrossed(highest)
        .setUpdatedAt(now)
        .build();
  }

  private static BudgetStatus status(BudgetDefinition budget, BigDecimal spend, Integer highest) {
    if (spend.compareTo(budget.getLimitUsd()) >= 0) {
      return BudgetStatus.EXCEEDED;
    }
    return highest != null ? BudgetStatus.WARNING : BudgetStatus.OK;
  }
}
