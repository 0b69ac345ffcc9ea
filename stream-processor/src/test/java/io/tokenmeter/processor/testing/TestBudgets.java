package io.tokenmeter.processor.testing;

import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetMode;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetScope;
import io.tokenmeter.schema.v1.BudgetScopeKind;
import java.time.Instant;
import java.util.List;

/** Budget definitions for tests. */
public final class TestBudgets {
  private TestBudgets() {}

  public static BudgetScope tenant(String tenant) {
    return BudgetScope.newBuilder().setKind(BudgetScopeKind.TENANT).setTenantId(tenant).build();
  }

  public static BudgetScope workflow(String tenant, String workflow) {
    return BudgetScope.newBuilder()
        .setKind(BudgetScopeKind.TENANT_WORKFLOW)
        .setTenantId(tenant)
        .setWorkflowId(workflow)
        .build();
  }

  /** A daily UTC budget with the default thresholds and forecasts off, defined long ago. */
  public static BudgetDefinition.Builder daily(String id, BudgetScope scope, String limitUsd) {
    return BudgetDefinition.newBuilder()
        .setBudgetId(id)
        .setScope(scope)
        .setPeriod(BudgetPeriod.DAY)
        .setTimeZone("UTC")
        .setLimitUsd(TestEvents.money(limitUsd))
        .setThresholdsPercent(List.of(50, 80, 100))
        .setMode(BudgetMode.HARD)
        .setForecastAlerts(false)
        .setUpdatedAt(Instant.parse("2020-01-01T00:00:00Z"));
  }
}
