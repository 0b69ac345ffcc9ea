package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.schema.v1.BudgetDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchBudgetsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

  @Test
  void shouldDefineOneBudgetPerTenantWithATenthOfThePlannedSpend() {
    BenchBudgets budgets = new BenchBudgets("b-", new BigDecimal("100"), NOW);

    assertThat(budgets.definitions())
        .extracting(d -> d.getScope().getTenantId())
        .containsExactly("b-t0", "b-t1", "b-t2", "b-t3");
    BudgetDefinition first = budgets.definitions().get(0);
    assertThat(first.getLimitUsd()).isEqualByComparingTo("10");
    assertThat(first.getThresholdsPercent()).hasSize(200).startsWith(5, 10).endsWith(1000);
  }

  @Test
  void shouldExpectEveryThresholdAtOrBelowTheFinalSpend() {
    BenchBudgets budgets = new BenchBudgets("b-", new BigDecimal("100"), NOW);

    // limit 10: spend 1 reaches 5% and 10% exactly (>=), 100 reaches all 200, 0.49 none.
    long alerts =
        budgets.expectedAlerts(
            Map.of(
                "b-t0", new BigDecimal("1"),
                "b-t1", new BigDecimal("100"),
                "b-t2", new BigDecimal("0.49")));

    assertThat(alerts).isEqualTo(2 + 200);
  }

  @Test
  void shouldRejectAPlanWithoutSpend() {
    assertThatThrownBy(() -> new BenchBudgets("b-", BigDecimal.ZERO, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raise rate or duration");
  }
}
