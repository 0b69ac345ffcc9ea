package io.tokenmeter.pricing.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmeter.pricing.importer.RatesDraft.Field;
import io.tokenmeter.pricing.match.ModelNames;
import io.tokenmeter.pricing.match.ProviderIds;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.Money;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.ModelPrice;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports LiteLLM's {@code model_prices_and_context_window.json}: one entry per model key, prices
 * in USD per token. {@code *_above_<N>k_tokens} fields make long-context tiers (threshold N x 1000,
 * strictly above, like ours); {@code *_batches}, {@code *_flex}, {@code *_priority} fields make the
 * batch, flex and priority variants, whose other rates are the standard ones. {@code sample_spec},
 * entries without a per-token price (images, audio seconds...) and a second entry for the same
 * provider, model and tier are skipped with a warning. No dates: every version is in force since
 * always.
 */
public final class LiteLlmImporter implements CatalogImporter {

  private static final String SOURCE =
      "litellm https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json";

  private static final Map<String, Field> FIELDS =
      Map.ofEntries(
          Map.entry("input_cost_per_token", Field.INPUT),
          Map.entry("output_cost_per_token", Field.OUTPUT),
          Map.entry("cache_read_input_token_cost", Field.CACHE_READ),
          Map.entry("cache_creation_input_token_cost", Field.CACHE_WRITE_5M),
          Map.entry("cache_creation_input_token_cost_above_1hr", Field.CACHE_WRITE_1H),
          Map.entry("output_cost_per_reasoning_token", Field.REASONING),
          Map.entry("input_cost_per_audio_token", Field.AUDIO_INPUT),
          Map.entry("cache_read_input_audio_token_cost", Field.CACHE_AUDIO_READ),
          Map.entry("output_cost_per_audio_token", Field.AUDIO_OUTPUT),
          Map.entry("input_cost_per_request", Field.PER_REQUEST));

  private static final Map<String, String> TIER_SUFFIXES =
      Map.of("_batches", "batch", "_flex", "flex", "_priority", "priority");

  private static final Pattern ABOVE = Pattern.compile("_above_(\\d+)k_tokens$");

  @Override
  public ImportResult read(InputStream json) throws IOException {
    JsonNode root = CatalogJson.MAPPER.readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("not a LiteLLM price file: the document must be an object of models");
    }
    List<ModelPrice> prices = new ArrayList<>();
    List<ImportWarning> warnings = new ArrayList<>();
    Map<String, String> firstEntryByVersion = new HashMap<>();
    root.fields()
        .forEachRemaining(
            e -> {
              String key = e.getKey();
              if (key.equals("sample_spec") || !e.getValue().isObject()) {
                warnings.add(new ImportWarning(key, "skipped: documentation, not a model"));
                return;
              }
              try {
                for (PriceVersion version : readEntry(key, e.getValue(), warnings)) {
                  String first = firstEntryByVersion.putIfAbsent(version.versionId(), key);
                  if (first != null) {
                    warnings.add(
                        new ImportWarning(key, "skipped: same model and tier as " + first));
                  } else {
                    prices.add(AvroPrices.toAvro(version));
                  }
                }
              } catch (IllegalArgumentException ex) {
                warnings.add(new ImportWarning(key, "skipped: " + ex.getMessage()));
              }
            });
    return new ImportResult(prices, warnings);
  }

  private static List<PriceVersion> readEntry(
      String key, JsonNode entry, List<ImportWarning> warnings) {
    // service tier -> threshold (0 = base rates) -> field -> rate per token
    Map<String, TreeMap<Long, Map<Field, BigDecimal>>> byTier = new TreeMap<>();
    entry
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getValue().isNumber()) {
                addField(byTier, f.getKey(), f.getValue().decimalValue(), key, warnings);
              }
            });
    Map<Field, BigDecimal> standard =
        byTier.getOrDefault(PriceVersion.STANDARD_TIER, new TreeMap<>()).getOrDefault(0L, Map.of());
    if (!standard.containsKey(Field.INPUT) && !standard.containsKey(Field.OUTPUT)) {
      throw new IllegalArgumentException(
          "no per-token price (mode " + entry.path("mode").asText("unknown") + ")");
    }
    String provider = ProviderIds.canonical(entry.path("litellm_provider").asText(""));
    String model = modelId(key, entry.path("litellm_provider").asText(""), provider);
    List<String> aliases = model.equals(ModelNames.normalize(key)) ? List.of() : List.of(key);
    List<PriceVersion> versions = new ArrayList<>();
    byTier.forEach(
        (tier, thresholds) -> {
          RatesDraft base = new RatesDraft();
          standard.forEach(base::set);
          thresholds.getOrDefault(0L, Map.of()).forEach(base::set);
          List<ContextTier> tiers = new ArrayList<>();
          RatesDraft cumulative = base.copy();
          for (Map.Entry<Long, Map<Field, BigDecimal>> t : thresholds.entrySet()) {
            if (t.getKey() > 0) {
              t.getValue().forEach(cumulative::set);
              tiers.add(new ContextTier(t.getKey(), cumulative.copy().toRates()));
            }
          }
          versions.add(
              new PriceVersion(
                  PriceVersion.versionIdOf(provider, model, tier, null, PriceVersion.SINCE_ALWAYS),
                  provider,
                  model,
                  aliases,
                  List.of(),
                  tier,
                  null,
                  PriceVersion.SINCE_ALWAYS,
                  SOURCE,
                  base.toRates(),
                  tiers,
                  false));
        });
    return versions;
  }

  private static void addField(
      Map<String, TreeMap<Long, Map<Field, BigDecimal>>> byTier,
      String name,
      BigDecimal value,
      String key,
      List<ImportWarning> warnings) {
    String field = name;
    String tier = PriceVersion.STANDARD_TIER;
    for (Map.Entry<String, String> suffix : TIER_SUFFIXES.entrySet()) {
      if (field.endsWith(suffix.getKey())) {
        tier = suffix.getValue();
        field = field.substring(0, field.length() - suffix.getKey().length());
      }
    }
    long threshold = 0;
    Matcher above = ABOVE.matcher(field);
    if (above.find()) {
      threshold = Long.parseLong(above.group(1)) * 1000;
      field = field.substring(0, above.start());
    }
    Field target = FIELDS.get(field);
    if (target == null) {
      return;
    }
    if (!Money.fitsScale(value)) {
      warnings.add(
          new ImportWarning(key, name + " " + value + " rounded HALF_EVEN to 12 decimals"));
    }
    byTier
        .computeIfAbsent(tier, t -> new TreeMap<>())
        .computeIfAbsent(threshold, t -> new HashMap<>())
        .put(target, Money.roundedRate(value));
  }

  /** The key without a routing prefix naming its own provider ({@code gemini/gemini-2.5-pro}). */
  private static String modelId(String key, String litellmProvider, String provider) {
    String name = ModelNames.normalize(key);
    int slash = name.indexOf('/');
    if (slash > 0) {
      String prefix = name.substring(0, slash);
      if (prefix.equals(ModelNames.normalize(litellmProvider))
          || ProviderIds.canonical(prefix).equals(provider)) {
        return name.substring(slash + 1);
      }
    }
    return name;
  }
}
