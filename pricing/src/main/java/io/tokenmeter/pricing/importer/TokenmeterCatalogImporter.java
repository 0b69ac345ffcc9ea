package io.tokenmeter.pricing.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmeter.pricing.match.NameRule;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.MatchKind;
import io.tokenmeter.schema.v1.ModelPrice;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads tokenmeter's own readable catalog format (documented in pricing/README.md): a JSON object
 * with {@code "format": "tokenmeter-catalog"} and a {@code prices} list, rates per million tokens
 * as exact decimal strings. An invalid entry is skipped with a warning naming the fix.
 */
public final class TokenmeterCatalogImporter implements CatalogImporter {

  /** Value of the document's {@code format} field. */
  public static final String FORMAT_NAME = "tokenmeter-catalog";

  @Override
  public ImportResult read(InputStream json) throws IOException {
    JsonNode root = CatalogJson.MAPPER.readTree(json);
    if (root == null || !FORMAT_NAME.equals(root.path("format").asText())) {
      throw new IOException("not a tokenmeter catalog: \"format\" must be \"" + FORMAT_NAME + "\"");
    }
    String defaultSource = root.path("source").asText("tokenmeter-catalog");
    List<ModelPrice> prices = new ArrayList<>();
    List<ImportWarning> warnings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode entry : root.path("prices")) {
      String name =
          "prices["
              + index++
              + "] "
              + entry.path("provider").asText()
              + "/"
              + entry.path("model").asText();
      try {
        PriceVersion version = readEntry(entry, defaultSource, name);
        if (!ids.add(version.versionId())) {
          warnings.add(
              new ImportWarning(name, "skipped: version id repeats " + version.versionId()));
          continue;
        }
        prices.add(AvroPrices.toAvro(version));
      } catch (RuntimeException e) {
        warnings.add(new ImportWarning(name, "skipped: " + e.getMessage()));
      }
    }
    return new ImportResult(prices, warnings);
  }

  private static PriceVersion readEntry(JsonNode entry, String defaultSource, String name) {
    String provider = CatalogJson.text(entry, "provider");
    String model = CatalogJson.text(entry, "model");
    String tier = CatalogJson.text(entry, "service_tier");
    String tenant = CatalogJson.text(entry, "tenant_id");
    Instant from = instant(CatalogJson.text(entry, "effective_from"));
    String versionId = CatalogJson.text(entry, "version_id");
    if (versionId == null && provider != null && model != null) {
      versionId = PriceVersion.versionIdOf(provider, model, tier, tenant, from);
    }
    List<String> aliases = new ArrayList<>();
    entry.path("aliases").forEach(a -> aliases.add(a.asText()));
    List<NameRule> rules = new ArrayList<>();
    for (JsonNode rule : entry.path("match")) {
      String kind = rule.fieldNames().next();
      rules.add(
          new NameRule(MatchKind.valueOf(kind.toUpperCase(Locale.ROOT)), rule.get(kind).asText()));
    }
    List<ContextTier> tiers = new ArrayList<>();
    for (JsonNode tierNode : entry.path("long_context")) {
      if (!tierNode.path("above_input_tokens").canConvertToLong()) {
        throw new IllegalArgumentException("long_context needs \"above_input_tokens\": a count");
      }
      tiers.add(
          new ContextTier(
              tierNode.get("above_input_tokens").asLong(),
              TokenmeterRatesJson.read(tierNode, name + " long_context")));
    }
    String source = CatalogJson.text(entry, "source");
    return new PriceVersion(
        versionId,
        provider,
        model,
        aliases,
        rules,
        tier,
        tenant,
        from,
        source == null ? defaultSource : source,
        TokenmeterRatesJson.read(entry, name),
        tiers,
        entry.path("deleted").asBoolean(false));
  }

  /** An ISO-8601 instant or date (midnight UTC); absent = in force since always. */
  private static Instant instant(String text) {
    if (text == null) {
      return PriceVersion.SINCE_ALWAYS;
    }
    return text.length() == 10
        ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
        : Instant.parse(text);
  }
}
