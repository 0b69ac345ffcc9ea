package io.tokenmeter.sdk.adapter;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** JSON parsing and field reading shared by the adapters. */
public final class ProviderJson {

  /** Floats become BigDecimal at parse time, so a reported cost never passes through a double. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** Scale of the contract's money fields (decimal(38, 12)). */
  private static final int MONEY_SCALE = 12;

  private ProviderJson() {}

  /** Parses a response body with exact decimals. */
  public static JsonNode parse(String json) {
    if (json == null) {
      throw new UsageExtractionException("response body is null: pass the provider's JSON text");
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageExtractionException("response body is not JSON: " + describe(e), e);
    }
  }

  /** Jackson's reason and where, without its parser internals ("[Source: REDACTED ...]"). */
  private static String describe(JsonProcessingException e) {
    String reason =
        e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^]]*]\\)", "");
    JsonLocation at = e.getLocation();
    return at == null
        ? reason
        : reason + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** The field as an object node, or null when absent, JSON null or not an object. */
  static JsonNode object(JsonNode parent, String field) {
    if (parent == null) {
      return null;
    }
    JsonNode node = parent.get(field);
    return node != null && node.isObject() ? node : null;
  }

  /** True when the field is present with a non-null value. */
  static boolean present(JsonNode parent, String field) {
    return parent != null && parent.hasNonNull(field);
  }

  /** A token count: 0 when absent or null, otherwise a non-negative integer. */
  static long count(JsonNode parent, String field) {
    Long value = optionalCount(parent, field);
    return value == null ? 0L : value;
  }

  /** A token count, or null when absent or JSON null. */
  static Long optionalCount(JsonNode parent, String field) {
    if (!present(parent, field)) {
      return null;
    }
    JsonNode node = parent.get(field);
    if (!node.isIntegralNumber() && !(node.isNumber() && isWhole(node.decimalValue()))) {
      throw new UsageExtractionException(
          "usage field '" + field + "' is " + node + ": expected a whole number of tokens");
    }
    long value = node.longValue();
    if (value < 0) {
      throw new UsageExtractionException(
          "usage field '" + field + "' is " + value + ": token counts cannot be negative");
    }
    return value;
  }

  /** A text field, or null when absent, null or blank. */
  static String text(JsonNode parent, String field) {
    if (!present(parent, field)) {
      return null;
    }
    String value = parent.get(field).asText();
    return value.isBlank() ? null : value;
  }

  /**
   * A USD amount at the contract's scale, or null when absent. Digits beyond 12 decimal places (a
   * millionth of a micro-dollar) are rounded half-even because the contract cannot hold them.
   */
  static BigDecimal usd(JsonNode parent, String field) {
    if (!present(parent, field)) {
      return null;
    }
    JsonNode node = parent.get(field);
    if (!node.isNumber()) {
      throw new UsageExtractionException(
          "cost field '" + field + "' is " + node + ": expected a decimal number");
    }
    return node.decimalValue().setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }
}
