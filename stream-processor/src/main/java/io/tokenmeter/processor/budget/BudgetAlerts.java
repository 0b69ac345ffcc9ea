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

  static String alertId(String budgetId, Instant periodStart, BudgetAlertKind kind, Integer pct) {
    return budgetId + "/" + periodStart + "/" + kind + "/" + (pct == null ? "forecast" : pct);
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
        .setAlertId(alertId(budget.getBudgetId(), period.start(), kind, thresholdPercent))
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
