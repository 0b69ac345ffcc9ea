package io.tokenmeter.dev.demo;

import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetMode;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetScope;
import io.tokenmeter.schema.v1.BudgetScopeKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** The sample budgets {@code dev} defines once: one per demo tenant, one of them easy to cross. */
public final class DemoBudgets {

  /** The tenant whose daily budget the demo crosses. */
  public static final String OVERSPENDING_TENANT = "acme";

  /** Small on purpose: the demo's acme calls cost about 0.06 USD each. */
  public static final BigDecimal OVERSPENDING_LIMIT_USD = new BigDecimal("0.500000000000");

  private static final int SCALE = 12;

  private DemoBudgets() {}

  public static List<BudgetDefinition> all(Clock clock) {
    return List.of(
        budget("acme-daily", OVERSPENDING_TENANT, BudgetPeriod.DAY, OVERSPENDING_LIMIT_USD, clock),
        budget("globex-daily", "globex", BudgetPeriod.DAY, new BigDecimal("50"), clock),
        budget("initech-monthly", "initech", BudgetPeriod.MONTH, new BigDecimal("200"), clock));
  }

  private static BudgetDefinition budget(
      String id, String tenant, BudgetPeriod period, BigDecimal limit, Clock clock) {
    return BudgetDefinition.newBuilder()
        .setBudgetId(id)
        .setScope(
            BudgetScope.newBuilder().setKind(BudgetScopeKind.TENANT).setTenantId(tenant).build())
        .setPeriod(period)
        .setTimeZone("UTC")
        .setLimitUsd(limit.setScale(SCALE))
        .setThresholdsPercent(List.of(50, 80, 100))
        .setMode(BudgetMode.SOFT)
        .setForecastAlerts(true)
        .setDescription("sample budget created by ./tokenmeter dev")
        .setDeleted(false)
        .setUpdatedAt(clock.instant())
        .build();
  }
}
