package io.tokenmeter.cli.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetMode;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetScopeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetValidatorTest {

  private static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");

  private static BudgetDraft flags(Object... pairs) {
    Map<BudgetField, String> values = new EnumMap<>(BudgetField.class);
    values.put(BudgetField.ID, "acme-monthly");
    values.put(BudgetField.TENANT, "acme");
    values.put(BudgetField.LIMIT_USD, "250");
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((BudgetField) pairs[i], (String) pairs[i + 1]);
    }
    return new BudgetDraft(null, values);
  }

  @Test
  void shouldApplyTheContractDefaults() {
    BudgetDefinition budget = BudgetValidator.toDefinition(flags(), NOW);

    assertThat(budget.getBudgetId()).isEqualTo("acme-monthly");
    assertThat(budget.getScope().getKind()).isEqualTo(BudgetScopeKind.TENANT);
    assertThat(budget.getScope().getTenantId()).isEqualTo("acme");
    assertThat(budget.getPeriod()).isEqualTo(BudgetPeriod.MONTH);
    assertThat(budget.getTimeZone()).isEqualTo("UTC");
    assertThat(budget.getLimitUsd()).isEqualTo(new BigDecimal("250.000000000000"));
    assertThat(budget.getThresholdsPercent()).containsExactly(50, 80, 100);
    assertThat(budget.getMode()).isEqualTo(BudgetMode.SOFT);
    assertThat(budget.getForecastAlerts()).isTrue();
    assertThat(budget.getDeleted()).isFalse();
    assertThat(budget.getUpdatedAt()).isEqualTo(NOW);
  }

  @Test
  void shouldKeepTheLimitExactAtScaleTwelve() {
    BudgetDefinition budget =
        BudgetValidator.toDefinition(flags(BudgetField.LIMIT_USD, "0.000000000001"), NOW);

    assertThat(budget.getLimitUsd().toPlainString()).isEqualTo("0.000000000001");
  }

  @Test
  void shouldBuildEachNarrowedScope() {
    assertThat(BudgetValidator.toDefinition(flags(BudgetField.WORKFLOW, "rag"), NOW).getScope())
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo(BudgetScopeKind.TENANT_WORKFLOW);
              assertThat(s.getWorkflowId()).isEqualTo("rag");
            });
    assertThat(BudgetValidator.toDefinition(flags(BudgetField.USER, "u-1"), NOW).getScope())
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo(BudgetScopeKind.TENANT_USER);
              assertThat(s.getUserId()).isEqualTo("u-1");
            });
    assertThat(
            BudgetValidator.toDefinition(flags(BudgetField.TAG, "team=search=v2"), NOW).getScope())
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo(BudgetScopeKind.TENANT_TAG);
              assertThat(s.getTagKey()).isEqualTo("team");
              assertThat(s.getTagValue()).isEqualTo("search=v2");
            });
  }

  @Test
  void shouldAcceptPeriodModeAndZoneInAnyCase() {
    BudgetDefinition budget =
        BudgetValidator.toDefinition(
            flags(
                BudgetField.PERIOD, "WEEK",
                BudgetField.MODE, "Hard",
                BudgetField.TIME_ZONE, "Europe/Berlin",
                BudgetField.THRESHOLDS, "25, 100,150",
                BudgetField.FORECAST_ALERTS, "false"),
            NOW);

    assertThat(budget.getPeriod()).isEqualTo(BudgetPeriod.WEEK);
    assertThat(budget.getMode()).isEqualTo(BudgetMode.HARD);
    assertThat(budget.getTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(budget.getThresholdsPercent()).isEqualTo(List.of(25, 100, 150));
    assertThat(budget.getForecastAlerts()).isFalse();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ID|''|--id is missing; name the budget",
        "ID|acme monthly|--id 'acme monthly' contains spaces",
        "TENANT|''|--tenant is missing; give the tenant",
        "LIMIT_USD|''|--limit-usd is missing; give the limit per period",
        "LIMIT_USD|12,50|--limit-usd '12,50' is not a decimal number of USD; write e.g. 250",
        "LIMIT_USD|0|--limit-usd is 0; a limit must be greater than 0",
        "LIMIT_USD|-5|--limit-usd is -5; a limit must be greater than 0",
        "LIMIT_USD|0.0000000000001|--limit-usd 0.0000000000001 has more than 12 decimals",
        "LIMIT_USD|1e30|--limit-usd 1e30 is too large: at most 26 digits before the decimal point",
        "PERIOD|year|--period 'year' is unknown; use day, week or month",
        "TIME_ZONE|Mars/Olympus|--time-zone 'Mars/Olympus' is not an IANA time zone id",
        "THRESHOLDS|50;80|--thresholds '50;80' must be whole percentages separated by commas",
        "THRESHOLDS|0,50|--thresholds has 0; each threshold is a percentage from 1 to 1000",
        "THRESHOLDS|80,50|--thresholds '80,50' must be ascending without repeats",
        "THRESHOLDS|50,50|--thresholds '50,50' must be ascending without repeats",
        "MODE|strict|--mode 'strict' is unknown; use soft or hard",
        "TAG|team|--tag 'team' is not KEY=VALUE; write e.g. team=search",
        "TAG|=x|--tag '=x' is not KEY=VALUE",
      })
  void shouldRejectABadValueNamingTheFlagAndTheFix(String field, String value, String message) {
    BudgetDraft draft = flags(BudgetField.valueOf(field), value);

    assertThatThrownBy(() -> BudgetValidator.toDefinition(draft, NOW))
        .isInstanceOf(BudgetInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldRejectTwoNarrowingsOfTheScope() {
    BudgetDraft draft = flags(BudgetField.WORKFLOW, "rag", BudgetField.USER, "u-1");

    assertThatThrownBy(() -> BudgetValidator.toDefinition(draft, NOW))
        .hasMessageContaining("give at most one of --workflow, --user, --tag");
  }

  @Test
  void shouldNameTheFileKeyForABudgetFromAFile() {
    BudgetDraft draft =
        new BudgetDraft(
            "budgets.yaml, budget 2",
            Map.of(BudgetField.ID, "x", BudgetField.TENANT, "t", BudgetField.LIMIT_USD, "abc"));

    assertThatThrownBy(() -> BudgetValidator.toDefinition(draft, NOW))
        .hasMessageStartingWith("budgets.yaml, budget 2: limit_usd 'abc' is not a decimal");
  }
}
