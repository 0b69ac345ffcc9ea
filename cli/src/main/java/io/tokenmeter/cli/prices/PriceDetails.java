package io.tokenmeter.cli.prices;

import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

/** Prints one price version in full: identity, every rate, fees and long-context tiers. */
final class PriceDetails {

  private static final String LABEL = "%-18s %s%n";

  private PriceDetails() {}

  static void print(PriceVersion v, PrintWriter out) {
    out.printf(Locale.ROOT, LABEL, "provider", v.provider());
    out.printf(Locale.ROOT, LABEL, "model", v.model());
    if (!v.aliases().isEmpty()) {
      out.printf(Locale.ROOT, LABEL, "aliases", String.join(", ", v.aliases()));
    }
    out.printf(Locale.ROOT, LABEL, "service tier", v.serviceTier());
    out.printf(Locale.ROOT, LABEL, "tenant", v.tenant().orElse("global"));
    out.printf(Locale.ROOT, LABEL, "effective from", v.effectiveFrom());
    out.printf(Locale.ROOT, LABEL, "version", v.versionId());
    out.printf(Locale.ROOT, LABEL, "source", v.source().isEmpty() ? "-" : v.source());
    out.println("rates (USD per million tokens; '-' = falls back as the contract says)");
    printRates(v.rates(), "  ", out);
    for (ContextTier tier : v.longContextTiers()) {
      out.printf(
          Locale.ROOT,
          "long context: whole request above %d input tokens%n",
          tier.thresholdInputTokens());
      printRates(tier.rates(), "  ", out);
    }
  }

  private static void printRates(UnitRates rates, String indent, PrintWriter out) {
    rate(out, indent, "input", rates.uncachedInput());
    rate(out, indent, "cache read", rates.cacheRead());
    rate(out, indent, "cache write 5m", rates.cacheWrite5m());
    rate(out, indent, "cache write 1h", rates.cacheWrite1h());
    rate(out, indent, "output", rates.output());
    rate(out, indent, "reasoning", rates.reasoning());
    rate(out, indent, "audio input", rates.audioInput());
    rate(out, indent, "audio cache read", rates.cacheAudioRead());
    rate(out, indent, "audio output", rates.audioOutput());
    if (rates.perRequest() != null) {
      out.printf(
          Locale.ROOT,
          indent + "%-16s %s USD%n",
          "per request",
          UsdPerMillion.plain(rates.perRequest()));
    }
    rates
        .otherUnits()
        .forEach(
            (unit, fee) ->
                out.printf(
                    Locale.ROOT,
                    indent + "%-16s %s USD per unit%n",
                    unit,
                    UsdPerMillion.plain(fee)));
  }

  private static void rate(PrintWriter out, String indent, String name, BigDecimal perToken) {
    out.printf(Locale.ROOT, indent + "%-16s %s%n", name, UsdPerMillion.format(perToken));
  }
}
