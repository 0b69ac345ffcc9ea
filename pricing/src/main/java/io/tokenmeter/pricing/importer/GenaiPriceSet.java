package io.tokenmeter.pricing.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmeter.pricing.importer.RatesDraft.Field;
import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads one genai-prices price set ({@code input_mtok}, {@code cache_read_mtok}...): plain numbers
 * or per-field tiered prices ({@code base} + {@code tiers}), merged into full long-context tiers.
 */
final class GenaiPriceSet {

  /** genai-prices keys per million tokens, by the rate they fill. */
  private static final Map<String, Field> PER_MILLION =
      Map.of(
          "input_mtok", Field.INPUT,
          "cache_read_mtok", Field.CACHE_READ,
          "cache_write_mtok", Field.CACHE_WRITE_5M,
          "cache_write_1h_mtok", Field.CACHE_WRITE_1H,
          "output_mtok", Field.OUTPUT,
          "output_reasoning_mtok", Field.REASONING,
          "input_audio_mtok", Field.AUDIO_INPUT,
          "cache_audio_read_mtok", Field.CACHE_AUDIO_READ,
          "output_audio_mtok", Field.AUDIO_OUTPUT);

  /**
   * The rates of one genai-prices price set; with {@code inputAbove} set, each tiered field takes
   * the price of its highest tier starting at or below that threshold.
   */
  static RatesDraft rates(
      JsonNode prices, Long inputAbove, String entry, List<ImportWarning> warnings) {
    RatesDraft draft = new RatesDraft();
    TreeSet<String> ignored = new TreeSet<>();
    prices
        .fields()
        .forEachRemaining(
            field -> {
              String key = field.getKey();
              BigDecimal value = priceAt(field.getValue(), inputAbove, key);
              if (PER_MILLION.containsKey(key)) {
                draft.set(PER_MILLION.get(key), perUnit(value, true, entry, key, warnings));
              } else if (key.equals("requests_kcount")) {
                draft.set(Field.PER_REQUEST, perUnit(value, false, entry, key, warnings));
              } else if (key.equals("web_searches_kcount")) {
                draft.setUnit("web_search_calls", perUnit(value, false, entry, key, warnings));
              } else {
                ignored.add(key);
              }
            });
    if (draft.isEmpty() && !ignored.isEmpty()) {
      throw new IllegalArgumentException("no price this format can express (" + ignored + ")");
    }
    if (draft.isEmpty() && inputAbove == null) {
      // An empty price set is how genai-prices marks a free model (e.g. openrouter's :free ones).
      warnings.add(new ImportWarning(entry, "empty price set imported as free, as genai-prices"));
    }
    if (!ignored.isEmpty() && inputAbove == null) {
      warnings.add(new ImportWarning(entry, "rates ignored (billed at text rates): " + ignored));
    }
    return draft;
  }

  static List<ContextTier> tiers(JsonNode prices, String entry, List<ImportWarning> warnings) {
    TreeSet<Long> starts = new TreeSet<>();
    prices.forEach(value -> value.path("tiers").forEach(t -> starts.add(t.path("start").asLong())));
    List<ContextTier> tiers = new ArrayList<>();
    for (long start : starts) {
      // genai-prices applies a tier when input tokens > start: the same strict rule as ours.
      tiers.add(new ContextTier(start, rates(prices, start, entry, warnings).toRates()));
    }
    return tiers;
  }

  private static BigDecimal priceAt(JsonNode value, Long inputAbove, String key) {
    if (!value.isObject()) {
      return CatalogJson.decimal(value, key);
    }
    BigDecimal price = CatalogJson.decimal(value.get("base"), key + ".base");
    if (inputAbove != null) {
      long bestStart = -1;
      for (JsonNode tier : value.path("tiers")) {
        long start = tier.path("start").asLong();
        if (start <= inputAbove && start > bestStart) {
          bestStart = start;
          price = CatalogJson.decimal(tier.get("price"), key + ".tiers.price");
        }
      }
    }
    return price;
  }

  private static BigDecimal perUnit(
      BigDecimal value,
      boolean perMillion,
      String entry,
      String key,
      List<ImportWarning> warnings) {
    BigDecimal exact = perMillion ? value.movePointLeft(6) : value.movePointLeft(3);
    if (!Money.fitsScale(exact)) {
      warnings.add(
          new ImportWarning(
              entry, key + " " + value + " rounded HALF_EVEN to 12 decimals per unit"));
    }
    return Money.roundedRate(exact);
  }

  private GenaiPriceSet() {}
}
