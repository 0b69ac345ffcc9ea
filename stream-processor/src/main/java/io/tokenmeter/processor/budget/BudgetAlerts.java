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
   * budget/period start/kind/threshold/defined/updated_at: the period and threshold say which
   * alert, the definition's updated_at says under which version of the budget. A budget re-created
   * or changed (a new limit makes a threshold fire again) never reuses the id of an alert an
   * earlier definition fired, which a consumer deduplicating by id (the sink's ReplacingMergeTree)
   * would otherwise merge away; within one definition a threshold fires once per period.
   */
  static String alertId(
      BudgetDefinition budget, PeriodBounds period, BudgetAlertKind kind, Integer pct) {
    return budget.getBudgetId()
        + "/"
        + period.start()
        + "/"
        + kind
        + "/"
        + (pct == null ? "forecast" : pct)
        + "/defined/"
        + budget.getUpdatedAt();
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
