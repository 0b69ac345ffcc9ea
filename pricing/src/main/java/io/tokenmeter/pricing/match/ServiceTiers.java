package io.tokenmeter.pricing.match;

import io.tokenmeter.pricing.model.PriceVersion;
import java.util.Set;

/**
 * Maps the service tier an event reports to the tier of the price to use.
 *
 * <p>Policy: no tier, or a name providers use for their default service ({@code default}, {@code
 * auto}, {@code on_demand}...), means {@code standard}. Any other tier (batch, flex, priority...)
 * is priced only by a price for that tier: it never falls back to standard, because batch is about
 * half the standard price and priority more than it, so a fallback would be wrong either way. Such
 * an event is unpriced (NO_PRICE_FOR_SERVICE_TIER) until a price for its tier arrives.
 */
public final class ServiceTiers {

  private static final Set<String> DEFAULT_NAMES =
      Set.of("", "standard", "default", "auto", "on_demand", "on-demand", "ondemand");

  private ServiceTiers() {}

  /** The price tier for the event's reported tier (null allowed). */
  public static String priceTierOf(String reportedTier) {
    String tier = ModelNames.normalize(reportedTier);
    if (DEFAULT_NAMES.contains(tier)) {
      return PriceVersion.STANDARD_TIER;
    }
    if (tier.equals("batches")) {
      return "batch";
    }
    return tier;
  }
}
