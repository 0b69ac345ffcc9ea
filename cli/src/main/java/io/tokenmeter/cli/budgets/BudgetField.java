package io.tokenmeter.cli.budgets;

import java.util.Arrays;
import java.util.Optional;

/** The fields of a budget, with the flag of {@code budgets set} and the key of a budgets file. */
enum BudgetField {
  ID("--id", "id"),
  TENANT("--tenant", "tenant"),
  WORKFLOW("--workflow", "workflow"),
  USER("--user", "user"),
  TAG("--tag", "tag"),
  PERIOD("--period", "period"),
  TIME_ZONE("--time-zone", "time_zone"),
  LIMIT_USD("--limit-usd", "limit_usd"),
  THRESHOLDS("--thresholds", "thresholds"),
  MODE("--mode", "mode"),
  DESCRIPTION("--description", "description"),
  FORECAST_ALERTS("--[no-]forecast-alerts", "forecast_alerts");

  private final String flag;
  private final String key;

  BudgetField(String flag, String key) {
    this.flag = flag;
    this.key = key;
  }

  String flag() {
    return flag;
  }

  String key() {
    return key;
  }

  static Optional<BudgetField> byKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }
}
