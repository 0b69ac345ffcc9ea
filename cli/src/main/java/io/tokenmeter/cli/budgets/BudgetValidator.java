package io.tokenmeter.cli.budgets;

import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetMode;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetScope;
import io.tokenmeter.schema.v1.BudgetScopeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link BudgetDraft} into the Avro {@code BudgetDefinition}, enforcing the contract
 * (BudgetDefinition.avsc) with messages that name the flag or key and say how to fix it.
 */
final class BudgetValidator {

  static final String DEFAULT_PERIOD = "month";
  static final String DEFAULT_TIME_ZONE = "UTC";
  static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);
  static final String DEFAULT_MODE = "soft";
  static final int MIN_THRESHOLD = 1;
  static final int MAX_THRESHOLD = 1000;

  /** The scale of every USD amount in the Avro contract. */
  static final int USD_SCALE = 12;

  /** limit_usd is an Avro decimal(38, 12): at most 26 digits before the decimal point. */
  static final int USD_PRECISION = 38;

  private BudgetValidator() {}

  static BudgetDefinition toDefinition(BudgetDraft draft, Instant updatedAt) {
    return BudgetDefinition.newBuilder()
        .setBudgetId(required(draft, BudgetField.ID, "name the budget, e.g. acme-monthly"))
        .setScope(scope(draft))
        .setPeriod(period(draft))
        .setTimeZone(timeZone(draft))
        .setLimitUsd(limit(draft))
        .setThresholdsPercent(thresholds(draft))
        .setMode(mode(draft))
        .setForecastAlerts(!"false".equals(draft.get(BudgetField.FORECAST_ALERTS)))
        .setDescription(draft.get(BudgetField.DESCRIPTION))
        .setDeleted(false)
        .setUpdatedAt(updatedAt)
        .build();
  }

  private static String required(BudgetDraft draft, BudgetField field, String hint) {
    String value = draft.get(field);
    if (value == null) {
      throw new BudgetInputException(draft.name(field) + " is missing; " + hint);
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new BudgetInputException(
          draft.name(field) + " '" + value + "' contains spaces; use e.g. dashes instead");
    }
    return value;
  }

  private static BudgetScope scope(BudgetDraft draft) {
    String tenant = required(draft, BudgetField.TENANT, "give the tenant whose usage counts");
    String workflow = draft.get(BudgetField.WORKFLOW);
    String user = draft.get(BudgetField.USER);
    String tag = draft.get(BudgetField.TAG);
    int narrowings = (workflow == null ? 0 : 1) + (user == null ? 0 : 1) + (tag == null ? 0 : 1);
    if (narrowings > 1) {
      throw new BudgetInputException(
          "give at most one of "
              + draft.name(BudgetField.WORKFLOW)
              + ", "
              + draft.name(BudgetField.USER)
              + ", "
              + draft.name(BudgetField.TAG)
              + "; a budget narrows its tenant by one of them; define one budget per scope");
    }
    BudgetScope.Builder scope = BudgetScope.newBuilder().setTenantId(tenant);
    if (workflow != null) {
      return scope.setKind(BudgetScopeKind.TENANT_WORKFLOW).setWorkflowId(workflow).build();
    }
    if (user != null) {
      return scope.setKind(BudgetScopeKind.TENANT_USER).setUserId(user).build();
    }
    if (tag != null) {
      int equals = tag.indexOf('=');
      if (equals <= 0 || equals == tag.length() - 1) {
        throw new BudgetInputException(
            draft.name(BudgetField.TAG)
                + " '"
                + tag
                + "' is not KEY=VALUE; write e.g. team=search");
      }
      return scope
          .setKind(BudgetScopeKind.TENANT_TAG)
          .setTagKey(tag.substring(0, equals).trim())
          .setTagValue(tag.substring(equals + 1).trim())
          .build();
    }
    return scope.setKind(BudgetScopeKind.TENANT).build();
  }

  private static BudgetPeriod period(BudgetDraft draft) {
    String value = orDefault(draft.get(BudgetField.PERIOD), DEFAULT_PERIOD);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "day" -> BudgetPeriod.DAY;
      case "week" -> BudgetPeriod.WEEK;
      case "month" -> BudgetPeriod.MONTH;
      default ->
          throw new BudgetInputException(
              draft.name(BudgetField.PERIOD)
                  + " '"
                  + value
                  + "' is unknown; use day, week or month");
    };
  }

  private static String timeZone(BudgetDraft draft) {
    String value = orDefault(draft.get(BudgetField.TIME_ZONE), DEFAULT_TIME_ZONE);
    try {
      return ZoneId.of(value).getId();
    } catch (DateTimeException e) {
      throw new BudgetInputException(
          draft.name(BudgetField.TIME_ZONE)
              + " '"
              + value
              + "' is not an IANA time zone id; use e.g. UTC or Europe/Berlin");
    }
  }

  private static BigDecimal limit(BudgetDraft draft) {
    String name = draft.name(BudgetField.LIMIT_USD);
    String value = draft.get(BudgetField.LIMIT_USD);
    if (value == null) {
      throw new BudgetInputException(name + " is missing; give the limit per period, e.g. 250.00");
    }
    BigDecimal limit;
    try {
      limit = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new BudgetInputException(
          name + " '" + value + "' is not a decimal number of USD; write e.g. 250 or 99.50");
    }
    if (limit.signum() <= 0) {
      throw new BudgetInputException(name + " is " + value + "; a limit must be greater than 0");
    }
    BigDecimal scaled;
    try {
      scaled = limit.setScale(USD_SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new BudgetInputException(
          name + " " + value + " has more than " + USD_SCALE + " decimals; round it");
    }
    if (scaled.precision() > USD_PRECISION) {
      throw new BudgetInputException(
          name
              + " "
              + value
              + " is too large: at most "
              + (USD_PRECISION - USD_SCALE)
              + " digits before the decimal point");
    }
    return scaled;
  }

  private static List<Integer> thresholds(BudgetDraft draft) {
    String value = draft.get(BudgetField.THRESHOLDS);
    if (value == null) {
      return DEFAULT_THRESHOLDS;
    }
    String name = draft.name(BudgetField.THRESHOLDS);
    List<Integer> percents = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      int percent;
      try {
        percent = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw new BudgetInputException(
            name
                + " '"
                + value
                + "' must be whole percentages separated by commas, e.g. 50,80,100");
      }
      if (percent < MIN_THRESHOLD || percent > MAX_THRESHOLD) {
        throw new BudgetInputException(
            name + " has " + percent + "; each threshold is a percentage from 1 to 1000");
      }
      if (!percents.isEmpty() && percent <= percents.get(percents.size() - 1)) {
        throw new BudgetInputException(
            name + " '" + value + "' must be ascending without repeats, e.g. 50,80,100");
      }
      percents.add(percent);
    }
    return List.copyOf(percents);
  }

  private static BudgetMode mode(BudgetDraft draft) {
    String value = orDefault(draft.get(BudgetField.MODE), DEFAULT_MODE);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "soft" -> BudgetMode.SOFT;
      case "hard" -> BudgetMode.HARD;
      default ->
          throw new BudgetInputException(
              draft.name(BudgetField.MODE) + " '" + value + "' is unknown; use soft or hard");
    };
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
