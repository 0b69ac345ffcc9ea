package io.tokenmeter.pricing.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmeter.pricing.importer.RatesDraft.Field;
import io.tokenmeter.pricing.model.Money;
import io.tokenmeter.pricing.model.UnitRates;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rate block of the tokenmeter catalog format: {@code per_million_tokens} (exact decimal
 * strings), {@code per_request} and {@code per_unit} (USD per single request / unit). Conversions
 * are exact: a rate needing more than 12 decimals per token is rejected, never rounded.
 */
final class TokenmeterRatesJson {

  static final Map<String, Field> TOKEN_KEYS = new LinkedHashMap<>();

  static {
    TOKEN_KEYS.put("input", Field.INPUT);
    TOKEN_KEYS.put("cache_read", Field.CACHE_READ);
    TOKEN_KEYS.put("cache_write_5m", Field.CACHE_WRITE_5M);
    TOKEN_KEYS.put("cache_write_1h", Field.CACHE_WRITE_1H);
    TOKEN_KEYS.put("output", Field.OUTPUT);
    TOKEN_KEYS.put("reasoning", Field.REASONING);
    TOKEN_KEYS.put("audio_input", Field.AUDIO_INPUT);
    TOKEN_KEYS.put("cache_audio_read", Field.CACHE_AUDIO_READ);
    TOKEN_KEYS.put("audio_output", Field.AUDIO_OUTPUT);
  }

  private TokenmeterRatesJson() {}

  static UnitRates read(JsonNode block, String entry) {
    JsonNode perMillion = block.path("per_million_tokens");
    if (!perMillion.has("input") || !perMillion.has("output")) {
      throw new IllegalArgumentException(
          entry + ": per_million_tokens needs at least \"input\" and \"output\"");
    }
    RatesDraft draft = new RatesDraft();
    perMillion
        .fields()
        .forEachRemaining(
            f -> {
              Field field = TOKEN_KEYS.get(f.getKey());
              if (field == null) {
                throw new IllegalArgumentException(
                    entry
                        + ": unknown rate '"
                        + f.getKey()
                        + "'; use one of "
                        + TOKEN_KEYS.keySet());
              }
              BigDecimal value = CatalogJson.decimal(f.getValue(), f.getKey());
              draft.set(field, Money.exact(value.movePointLeft(6), entry + " " + f.getKey()));
            });
    BigDecimal perRequest = CatalogJson.decimal(block.get("per_request"), "per_request");
    if (perRequest != null) {
      draft.set(Field.PER_REQUEST, Money.exact(perRequest, entry + " per_request"));
    }
    block
        .path("per_unit")
        .fields()
        .forEachRemaining(
            f ->
                draft.setUnit(
                    f.getKey(),
                    Money.exact(CatalogJson.decimal(f.getValue(), f.getKey()), f.getKey())));
    return draft.toRates();
  }

  static void write(UnitRates rates, ObjectNode block) {
    ObjectNode perMillion = block.putObject("per_million_tokens");
    putRate(perMillion, "input", rates.uncachedInput());
    putRate(perMillion, "cache_read", rates.cacheRead());
    putRate(perMillion, "cache_write_5m", rates.cacheWrite5m());
    putRate(perMillion, "cache_write_1h", rates.cacheWrite1h());
    putRate(perMillion, "output", rates.output());
    putRate(perMillion, "reasoning", rates.reasoning());
    putRate(perMillion, "audio_input", rates.audioInput());
    putRate(perMillion, "cache_audio_read", rates.cacheAudioRead());
    putRate(perMillion, "audio_output", rates.audioOutput());
    if (rates.perRequest() != null) {
      block.put("per_request", plain(rates.perRequest()));
    }
    if (!rates.otherUnits().isEmpty()) {
      ObjectNode units = block.putObject("per_unit");
      rates.otherUnits().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> units.put(e.getKey(), plain(e.getValue())));
    }
  }

  private static void putRate(ObjectNode node, String key, BigDecimal perToken) {
    if (perToken != null) {
      node.put(key, Money.perMillionText(perToken));
    }
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.signum() == 0 ? "0" : stripped.toPlainString();
  }
}
