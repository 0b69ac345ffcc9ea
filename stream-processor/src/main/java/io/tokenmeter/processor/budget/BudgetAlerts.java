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
   * budget/period start/kind/threshold, plus "/since/" and the instant counting began when it began
   * mid-period. That suffix keeps the ids of a budget re-created or redefined mid-period apart from
   * the alerts its earlier definition fired in the same period, which a consumer deduplicating by
   * id (the sink's ReplacingMergeTree) would otherwise merge away.
   */
  static String alertId(
      String budgetId,
      Instant periodStart,
      Instant countedSince,
      BudgetAlertKind kind,
      Integer pct) {
    String id = budgetId + "/" + periodStart + "/" + kind + "/" + (pct == null ? "forecast" : pct);
    return countedSince == null ? id : id + "/since/" + countedSince;
  }

  static BudgetAlert of(
      BudgetDefinition budget,
      PeriodBounds period,
      Instant countedSince,
      BudgetAlertKind kind,
      Integer thresholdPercent,
      BigDecimal spend,
      BigDecimal projected,
      UsageEvent trigger,
      Instant now) {
    return BudgetAlert.newBuilder()
        .setAlertId(
            alertId(budget.getBudgetId(), period.start(), countedSince, kind, thresholdPercent))
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
