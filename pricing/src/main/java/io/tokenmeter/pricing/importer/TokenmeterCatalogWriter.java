package io.tokenmeter.pricing.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmeter.pricing.match.NameRule;
import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.PriceVersion;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes price versions in tokenmeter's catalog format, one price per line so a diff of the file
 * shows which prices changed. Exact: per-million rates are written as decimal strings.
 */
public final class TokenmeterCatalogWriter {

  /**
   * Writes a catalog document.
   *
   * @param header lines of the {@code about} field (attribution, how it was generated)
   */
  public void write(List<PriceVersion> versions, List<String> header, Writer out)
      throws IOException {
    out.write("{\n  \"format\": \"" + TokenmeterCatalogImporter.FORMAT_NAME + "\",\n");
    out.write("  \"about\": " + CatalogJson.MAPPER.writeValueAsString(header) + ",\n");
    out.write("  \"prices\": [\n");
    for (int i = 0; i < versions.size(); i++) {
      out.write("    ");
      out.write(CatalogJson.MAPPER.writeValueAsString(toJson(versions.get(i))));
      out.write(i + 1 < versions.size() ? ",\n" : "\n");
    }
    out.write("  ]\n}\n");
  }

  private static ObjectNode toJson(PriceVersion version) {
    ObjectNode node = CatalogJson.MAPPER.createObjectNode();
    String conventionalId =
        PriceVersion.versionIdOf(
            version.provider(),
            version.model(),
            version.serviceTier(),
            version.tenantId(),
            version.effectiveFrom());
    if (!version.versionId().equals(conventionalId)) {
      node.put("version_id", version.versionId());
    }
    node.put("provider", version.provider());
    node.put("model", version.model());
    if (!version.aliases().isEmpty()) {
      ArrayNode aliases = node.putArray("aliases");
      version.aliases().forEach(aliases::add);
    }
    if (!version.matchRules().isEmpty()) {
      ArrayNode rules = node.putArray("match");
      for (NameRule rule : version.matchRules()) {
        rules.addObject().put(rule.kind().name().toLowerCase(Locale.ROOT), rule.value());
      }
    }
    if (!version.serviceTier().equals(PriceVersion.STANDARD_TIER)) {
      node.put("service_tier", version.serviceTier());
    }
    if (version.tenantId() != null) {
      node.put("tenant_id", version.tenantId());
    }
    if (!version.effectiveFrom().equals(PriceVersion.SINCE_ALWAYS)) {
      node.put("effective_from", version.effectiveFrom().toString());
    }
    node.put("source", version.source());
    TokenmeterRatesJson.write(version.rates(), node);
    if (!version.longContextTiers().isEmpty()) {
      ArrayNode tiers = node.putArray("long_context");
      for (ContextTier tier : version.longContextTiers()) {
        ObjectNode tierNode = tiers.addObject();
        tierNode.put("above_input_tokens", tier.thresholdInputTokens());
        TokenmeterRatesJson.write(tier.rates(), tierNode);
      }
    }
    return node;
  }
}
