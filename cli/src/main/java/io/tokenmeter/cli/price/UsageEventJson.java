package io.tokenmeter.cli.price;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmeter.cli.prices.PricingTime;
import io.tokenmeter.schema.v1.TokenUsage;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code --usage} documents: the UsageEvent contract's field names ({@code provider}, {@code
 * model}, {@code service_tier}, {@code tenant_id}, {@code event_time}, {@code usage_complete}) with
 * the TokenUsage counts under {@code usage}. Only provider, model and usage.input_tokens /
 * output_tokens are required; other counts default to 0, the 5m/1h cache write split to unknown.
 */
final class UsageEventJson {

  private UsageEventJson() {}

  static PricingRequest read(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new BadDocumentException("a --usage document must be a JSON object");
    }
    JsonNode usage = event.path("usage");
    if (!usage.isObject()) {
      throw new BadDocumentException("'usage' is missing: put the token counts under \"usage\"");
    }
    return new PricingRequest(
        requiredText(event, "provider"),
        requiredText(event, "model"),
        optionalText(event, "service_tier"),
        optionalText(event, "tenant_id"),
        eventTime(event.get("event_time")),
        tokenUsage(usage),
        !event.has("usage_complete") || event.get("usage_complete").asBoolean(true));
  }

  private static TokenUsage tokenUsage(JsonNode usage) {
    return TokenUsage.newBuilder()
        .setInputTokens(required(usage, "input_tokens"))
        .setCacheReadTokens(count(usage, "cache_read_tokens"))
        .setCacheWriteTokens(count(usage, "cache_write_tokens"))
        .setCacheWrite5mTokens(nullableCount(usage, "cache_write_5m_tokens"))
        .setCacheWrite1hTokens(nullableCount(usage, "cache_write_1h_tokens"))
        .setOutputTokens(required(usage, "output_tokens"))
        .setReasoningTokens(count(usage, "reasoning_tokens"))
        .setAudioInputTokens(count(usage, "audio_input_tokens"))
        .setCacheAudioReadTokens(count(usage, "cache_audio_read_tokens"))
        .setAudioOutputTokens(count(usage, "audio_output_tokens"))
        .setOtherUnits(otherUnits(usage.get("other_units")))
        .build();
  }

  private static Map<String, Long> otherUnits(JsonNode units) {
    Map<String, Long> result = new TreeMap<>();
    if (units == null || units.isNull()) {
      return result;
    }
    if (!units.isObject()) {
      throw new BadDocumentException("usage.other_units must be an object of unit -> count");
    }
    units.properties().forEach(e -> result.put(e.getKey(), asCount(e.getValue(), e.getKey())));
    return result;
  }

  private static long required(JsonNode usage, String field) {
    if (!usage.has(field)) {
      throw new BadDocumentException("usage." + field + " is missing; give it (0 if none)");
    }
    return asCount(usage.get(field), field);
  }

  private static long count(JsonNode usage, String field) {
    Long value = nullableCount(usage, field);
    return value == null ? 0L : value;
  }

  private static Long nullableCount(JsonNode usage, String field) {
    JsonNode value = usage.get(field);
    return value == null || value.isNull() ? null : asCount(value, field);
  }

  private static long asCount(JsonNode value, String field) {
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw new BadDocumentException(
          "usage." + field + " must be a non-negative whole number, not " + value);
    }
    return value.asLong();
  }

  private static String requiredText(JsonNode event, String field) {
    String value = optionalText(event, field);
    if (value == null || value.isBlank()) {
      throw new BadDocumentException("'" + field + "' is missing from the usage event");
    }
    return value;
  }

  private static String optionalText(JsonNode event, String field) {
    JsonNode value = event.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadDocumentException("'" + field + "' must be a string, not " + value);
    }
    return value.asText();
  }

  /** An ISO-8601 text, or epoch milliseconds as the Avro JSON encoding writes timestamp-millis. */
  private static Instant eventTime(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    try {
      return PricingTime.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw new BadDocumentException(
          "event_time '" + value.asText() + "' is not ISO-8601 or epoch milliseconds", e);
    }
  }
}
