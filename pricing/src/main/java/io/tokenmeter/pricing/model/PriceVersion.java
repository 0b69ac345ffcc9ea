package io.tokenmeter.pricing.model;

import io.tokenmeter.pricing.match.ModelNames;
import io.tokenmeter.pricing.match.NameRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One immutable version of a model's price (the Avro {@code ModelPrice}); see {@link AvroPrices}
 * for the conversions. Provider, model, aliases and tier are normalized (trimmed, lower-case with
 * Locale.ROOT); long-context tiers are sorted by threshold.
 */
public record PriceVersion(
    String versionId,
    String provider,
    String model,
    List<String> aliases,
    List<NameRule> matchRules,
    String serviceTier,
    String tenantId,
    Instant effectiveFrom,
    String source,
    UnitRates rates,
    List<ContextTier> longContextTiers,
    boolean deleted) {

  /** The tier of a provider's default service. */
  public static final String STANDARD_TIER = "standard";

  /** effective_from of prices whose source gives no start date: in force since always. */
  public static final Instant SINCE_ALWAYS = Instant.EPOCH;

  public PriceVersion {
    versionId = require(versionId, "price_version_id");
    provider = ModelNames.normalize(require(provider, "provider"));
    model = ModelNames.normalize(require(model, "model"));
    aliases = aliases == null ? List.of() : aliases.stream().map(ModelNames::normalize).toList();
    matchRules = matchRules == null ? List.of() : List.copyOf(matchRules);
    serviceTier =
        serviceTier == null || serviceTier.isBlank()
            ? STANDARD_TIER
            : ModelNames.normalize(serviceTier);
    tenantId = tenantId == null || tenantId.isBlank() ? null : tenantId;
    Objects.requireNonNull(effectiveFrom, "effective_from of " + versionId);
    source = source == null ? "" : source;
    Objects.requireNonNull(rates, "rates of " + versionId);
    List<ContextTier> sorted =
        new ArrayList<>(longContextTiers == null ? List.of() : longContextTiers);
    sorted.sort(Comparator.comparingLong(ContextTier::thresholdInputTokens));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).thresholdInputTokens() == sorted.get(i - 1).thresholdInputTokens()) {
        throw new IllegalArgumentException(
            versionId + " has two long-context tiers at the same threshold; merge them");
      }
    }
    longContextTiers = List.copyOf(sorted);
  }

  private static String require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing; every price version needs one");
    }
    return value;
  }

  /** The tenant whose negotiated price this is; empty = the global price. */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenantId);
  }

  /**
   * The rates that bill a request with {@code inputTokens} input tokens: those of the highest
   * long-context tier whose threshold is strictly below the count, else the base rates.
   */
  public AppliedRates ratesFor(long inputTokens) {
    for (int i = longContextTiers.size() - 1; i >= 0; i--) {
      ContextTier tier = longContextTiers.get(i);
      if (inputTokens > tier.thresholdInputTokens()) {
        return new AppliedRates(tier.rates(), OptionalLong.of(tier.thresholdInputTokens()));
      }
    }
    return new AppliedRates(rates, OptionalLong.empty());
  }

  /** The conventional version id: provider/model/tier/tenant-or-global/effective-from. */
  public static String versionIdOf(
      String provider, String model, String serviceTier, String tenantId, Instant effectiveFrom) {
    return ModelNames.normalize(provider)
        + "/"
        + ModelNames.normalize(model)
        + "/"
        + (serviceTier == null ? STANDARD_TIER : ModelNames.normalize(serviceTier))
        + "/"
        + (tenantId == null ? "global" : tenantId)
        + "/"
        + effectiveFrom;
  }
}
