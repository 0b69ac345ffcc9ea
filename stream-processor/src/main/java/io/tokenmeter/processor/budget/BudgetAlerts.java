package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetAlertKind;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** Builds budget alerts with the deterministic ids the schema documents. */
final class BudgetAlerts {
  private BudgetAlerts() {}

  /**
   * budget/period start/kind/threshold, plus "/defined/" and the definition's updated_at when it
   * was written during the period. That suffix keeps apart the alerts of a budget created,
   * re-created or changed mid-period (a new limit makes a threshold fire again) from those an
   * earlier definition fired in the same period, which a consumer deduplicating by id (the sink's
   * ReplacingMergeTree) would otherwise merge away.
   */
  static String alertId(
      BudgetDefinition budget, PeriodBounds period, BudgetAlertKind kind, Integer pct) {
    String id =
        budget.getBudgetId()
            + "/"
            + period.start()
            + "/"
            + kind
            + "/"
            + (pct == null ? "forecast" : pct);
    return budget.getUpdatedAt().isAfter(period.start())
        ? id + "/defined/" + budget.getUpdatedAt()
        : id;
  }

  static BudgetAlert of(
      BudgetDefinition budget,
      PeriodBounds period,
      BudgetAlertKind kind,
      Integer thresholdPercent,
      BigDecimal spend,
      BigDecimal projected,
      UsageEvent trigger,
      Instant now) {
    return BudgetAlert.newBuilder()
        .setAlertId(alertId(budget, period, kind, thresholdPercent))
        .setKind(kind)
        .setBudgetId(budget.getBudgetId())
        .setScope(budget.getScope())
        .setPeriod(budget.getPeriod())
        .setTimeZone(budget.getTimeZone())
        .setPeriodStart(period.start())
        .setPeriodEnd(period.end())
        .setMode(budget.getMode())
        .setThresholdPercent(thresholdPercent)
        .setSpendUsd(spend)
        .setLimitUsd(budget.getLimitUsd())
        .setProjectedSpendUsd(projected)
        .setTriggeringEventId(trigger.getEventId())
        .setTriggeringEventTime(trigger.getEventTime())
        .setAlertedAt(now)
        .build();
  }
}
