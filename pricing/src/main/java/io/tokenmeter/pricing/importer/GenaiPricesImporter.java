package io.tokenmeter.pricing.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmeter.pricing.match.ModelNames;
import io.tokenmeter.pricing.match.ProviderIds;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.ModelPrice;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports pydantic genai-prices' {@code data.json} (v2): providers, their models with match
 * clauses, prices per million tokens (per thousand for requests and web searches), per-field tiered
 * prices and price lists whose entries start at a date (history: the entry without a start date is
 * in force since always).
 *
 * <p>Not representable, reported as warnings: time-of-day prices (see {@link #HOURS_TO_REPLACE})
 * and image/video/citation rates (ignored: such tokens, which are part of input or output, are
 * billed at the text rates). An empty price set is imported as free, as genai-prices bills it.
 */
public final class GenaiPricesImporter implements CatalogImporter {

  private static final String SOURCE = "genai-prices";

  /**
   * Time-of-day windows cannot be expressed. A window covering at least this many hours (deepseek's
   * 16-hour standard price beside its 8-hour off-peak discount) becomes the all-day price, so the
   * cost errs high, never low; a shorter window is not applied.
   */
  private static final long HOURS_TO_REPLACE = 12;

  @Override
  public ImportResult read(InputStream json) throws IOException {
    JsonNode providers = CatalogJson.MAPPER.readTree(json);
    if (providers == null || !providers.isArray()) {
      throw new IOException(
          "not a genai-prices data.json: the document must be a list of providers");
    }
    List<ModelPrice> prices = new ArrayList<>();
    List<ImportWarning> warnings = new ArrayList<>();
    for (JsonNode provider : providers) {
      String providerId = ProviderIds.canonical(provider.path("id").asText());
      String source = SOURCE + " " + provider.path("pricing_urls").path(0).asText("");
      Set<String> seen = new HashSet<>();
      for (JsonNode model : provider.path("models")) {
        String entry = provider.path("id").asText() + "/" + model.path("id").asText();
        if (!seen.add(ModelNames.normalize(model.path("id").asText()))) {
          warnings.add(new ImportWarning(entry, "skipped: duplicate model id in this provider"));
          continue;
        }
        try {
          prices.addAll(readModel(providerId, source, entry, model, warnings));
        } catch (IllegalArgumentException e) {
          warnings.add(new ImportWarning(entry, "skipped: " + e.getMessage()));
        }
      }
    }
    return new ImportResult(prices, warnings);
  }

  private static List<ModelPrice> readModel(
      String provider, String source, String entry, JsonNode model, List<ImportWarning> warnings) {
    GenaiMatchClauses match = GenaiMatchClauses.of(model.path("match"));
    String modelId = ModelNames.normalize(model.path("id").asText());
    List<String> aliases = match.aliases.stream().filter(a -> !a.equals(modelId)).toList();
    List<ModelPrice> versions = new ArrayList<>();
    JsonNode prices = model.path("prices");
    List<JsonNode> conditional = new ArrayList<>();
    if (prices.isArray()) {
      prices.forEach(conditional::add);
    } else {
      conditional.add(CatalogJson.MAPPER.createObjectNode().set("prices", prices));
    }
    Instant previousStart = null;
    for (JsonNode option : conditional) {
      JsonNode constraint = option.path("constraint");
      Instant from = PriceVersion.SINCE_ALWAYS;
      boolean replacesPrevious = false;
      if (constraint.has("start_time") || constraint.has("end_time")) {
        long hours = windowHours(constraint);
        if (hours < HOURS_TO_REPLACE || versions.isEmpty()) {
          warnings.add(new ImportWarning(entry, "time-of-day price (" + hours + "h) not applied"));
          continue;
        }
        warnings.add(
            new ImportWarning(entry, "time-of-day price (" + hours + "h) applied all day"));
        replacesPrevious = true;
        from = versions.get(versions.size() - 1).getEffectiveFrom();
        versions.remove(versions.size() - 1);
      }
      if (constraint.has("start_date")) {
        from =
            LocalDate.parse(constraint.get("start_date").asText())
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
      }
      if (previousStart != null && !from.isAfter(previousStart) && !replacesPrevious) {
        warnings.add(new ImportWarning(entry, "price start dates are not ascending"));
      }
      previousStart = from;
      PriceVersion version =
          new PriceVersion(
              PriceVersion.versionIdOf(provider, modelId, null, null, from),
              provider,
              modelId,
              aliases,
              match.rules,
              null,
              null,
              from,
              source,
              GenaiPriceSet.rates(option.path("prices"), null, entry, warnings).toRates(),
              GenaiPriceSet.tiers(option.path("prices"), entry, warnings),
              false);
      versions.add(AvroPrices.toAvro(version));
    }
    return versions;
  }

  private static long windowHours(JsonNode constraint) {
    OffsetTime start = OffsetTime.parse(constraint.path("start_time").asText());
    OffsetTime end = OffsetTime.parse(constraint.path("end_time").asText());
    long seconds =
        Math.floorMod(
            end.toLocalTime().toSecondOfDay() - start.toLocalTime().toSecondOfDay(), 86_400);
    return seconds / 3600;
  }
}
