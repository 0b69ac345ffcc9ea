package io.tokenmeter.sdk.budget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the spend API's JSON bodies. Money arrives as decimal strings ("0.001250000000") and is
 * read as BigDecimal, never through a binary floating-point number.
 */
final class BudgetJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BudgetJson() {}

  static BudgetCheck budget(String body) {
    JsonNode root = tree(body);
    String status = text(root, "status");
    BudgetStatus parsed;
    try {
      parsed = BudgetStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw malformed("unknown budget status '" + status + "'", e);
    }
    if (parsed == BudgetStatus.UNAVAILABLE || parsed == BudgetStatus.NO_SPEND_YET) {
      throw malformed("unexpected budget status '" + status + "'", null);
    }
    return BudgetCheck.of(
        text(root, "budget_id"),
        text(root, "tenant_id"),
        parsed,
        "HARD".equals(text(root, "mode")),
        text(root, "period"),
        text(root, "time_zone"),
        instant(root, "period_start"),
        instant(root, "period_end"),
        money(root, "spend_usd"),
        money(root, "limit_usd"),
        instant(root, "updated_at"));
  }

  static TenantSpendSummary spend(String body, SpendPeriod period) {
    JsonNode root = tree(body);
    return new TenantSpendSummary(
        text(root, "tenant_id"),
        period,
        instant(root, "period_start"),
        instant(root, "period_end"),
        money(root, "total_usd"),
        count(root, "event_count"),
        count(root, "input_tokens"),
        count(root, "output_tokens"));
  }

  /** The {@code error} message of an error body, or the body itself when it has none. */
  static String errorMessage(String body) {
    try {
      JsonNode error = MAPPER.readTree(body).get("error");
      return error != null && error.isTextual() ? error.asText() : body;
    } catch (JsonProcessingException e) {
      return body;
    }
  }

  /** A text field of an error body, or null when absent or the body is not JSON. */
  static String errorField(String body, String field) {
    try {
      JsonNode value = MAPPER.readTree(body).get(field);
      return value != null && value.isTextual() ? value.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static JsonNode tree(String body) {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        throw malformed("expected a JSON object", null);
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed("not JSON", e);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw malformed("field '" + field + "' missing or not a string", null);
    }
    return node.asText();
  }

  private static BigDecimal money(JsonNode root, String field) {
    String value = text(root, field);
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw malformed("field '" + field + "' = '" + value + "' is not a decimal", e);
    }
  }

  private static Instant instant(JsonNode root, String field) {
    String value = text(root, field);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw malformed("field '" + field + "' = '" + value + "' is not an ISO-8601 instant", e);
    }
  }

  private static long count(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
      throw malformed("field '" + field + "' missing or not a whole number", null);
    }
    return node.asLong();
  }

  private static BudgetServiceUnavailableException malformed(String why, Throwable cause) {
    return new BudgetServiceUnavailableException(
        "spend API answer unreadable: " + why + " (is the base URL the processor's API?)",
        200,
        cause);
  }
}
