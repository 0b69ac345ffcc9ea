package io.tokenmeter.e2e;

import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetMode;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetScope;
import io.tokenmeter.schema.v1.BudgetScopeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One monthly budget per tenant with a threshold every {@link #STEP_PERCENT}% up to 1000%, its
 * limit a tenth of what the tenant is planned to spend: the thresholds are crossed one after
 * another all through the run, which gives a few hundred alerts to measure latency on. How many
 * must fire follows exactly from what was actually spent.
 */
final class BenchBudgets {

  static final int STEP_PERCENT = 5;
  static final int MAX_PERCENT = 1000;

  /** The planned spend reaches ten times the limit: every threshold up to 1000% fires. */
  private static final BigDecimal PLANNED_SPEND_PER_LIMIT = BigDecimal.TEN;

  private static final int SCALE = 12;
  private static final List<Integer> THRESHOLDS =
      IntStream.rangeClosed(1, MAX_PERCENT / STEP_PERCENT)
          .map(i -> i * STEP_PERCENT)
          .boxed()
          .toList();

  private final BigDecimal limit;
  private final List<BudgetDefinition> definitions = new ArrayList<>();

  BenchBudgets(String tenantPrefix, BigDecimal plannedSpendPerTenant, Instant now) {
    this.limit = plannedSpendPerTenant.divide(PLANNED_SPEND_PER_LIMIT, SCALE, RoundingMode.HALF_UP);
    if (limit.signum() <= 0) {
      throw new IllegalArgumentException(
          "planned spend "
              + plannedSpendPerTenant
              + " gives no budget limit; raise rate or duration");
    }
    for (int t = 0; t < Workload.TENANTS; t++) {
      String tenant = tenantPrefix + "t" + t;
      definitions.add(
          BudgetDefinition.newBuilder()
              .setBudgetId(tenant + "-monthly")
              .setScope(
                  BudgetScope.newBuilder()
                      .setKind(BudgetScopeKind.TENANT)
                      .setTenantId(tenant)
                      .build())
              .setPeriod(BudgetPeriod.MONTH)
              .setTimeZone("UTC")
              .setLimitUsd(limit)
              .setThresholdsPercent(THRESHOLDS)
              .setMode(BudgetMode.SOFT)
              .setForecastAlerts(false)
              .setDescription("whole-stack benchmark")
              .setDeleted(false)
              .setUpdatedAt(now)
              .build());
    }
  }

  List<BudgetDefinition> definitions() {
    return definitions;
  }

  /**
   * THRESHOLD alerts that must fire for these final spends (the processor's rule: spend >= share).
   */
  long expectedAlerts(Map<String, BigDecimal> spendByTenant) {
    long alerts = 0;
    for (BigDecimal spend : spendByTenant.values()) {
      for (int percent : THRESHOLDS) {
        BigDecimal share = limit.multiply(BigDecimal.valueOf(percent)).movePointLeft(2);
        if (spend.compareTo(share) >= 0) {
          alerts++;
        }
      }
    }
    return alerts;
  }
}
