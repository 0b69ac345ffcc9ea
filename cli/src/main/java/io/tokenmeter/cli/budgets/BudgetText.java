package io.tokenmeter.cli.budgets;

import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetScope;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a budget's parts read on the terminal. */
final class BudgetText {

  private BudgetText() {}

  static String scope(BudgetScope scope) {
    return switch (scope.getKind()) {
      case TENANT -> "tenant";
      case TENANT_WORKFLOW -> "workflow=" + scope.getWorkflowId();
      case TENANT_USER -> "user=" + scope.getUserId();
      case TENANT_TAG -> "tag " + scope.getTagKey() + "=" + scope.getTagValue();
      default -> "unknown";
    };
  }

  /** The exact amount without the contract's trailing zeros: 250, 99.5. */
  static String usd(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  static String thresholds(BudgetDefinition budget) {
    return budget.getThresholdsPercent().stream()
        .map(String::valueOf)
        .collect(Collectors.joining(","));
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** One line: "acme-monthly: tenant acme (workflow=x), month in UTC, limit 250 USD, ...". */
  static String summary(BudgetDefinition budget) {
    return budget.getBudgetId()
        + ": tenant "
        + budget.getScope().getTenantId()
        + " ("
        + scope(budget.getScope())
        + "), "
        + lower(budget.getPeriod())
        + " in "
        + budget.getTimeZone()
        + ", limit "
        + usd(budget.getLimitUsd())
        + " USD, thresholds "
        + thresholds(budget)
        + " %, "
        + lower(budget.getMode())
        + (budget.getForecastAlerts() ? ", forecast alerts" : "");
  }
}
