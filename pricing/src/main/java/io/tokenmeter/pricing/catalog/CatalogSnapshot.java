package io.tokenmeter.pricing.catalog;

import io.tokenmeter.pricing.match.ModelMatcher;
import io.tokenmeter.pricing.match.ProviderIds;
import io.tokenmeter.pricing.match.ServiceTiers;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.UnpricedReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable index of live price versions: one model matcher per provider and, per provider and
 * model, the versions newest first. Resolution rules are documented on {@link PriceCatalog}.
 */
final class CatalogSnapshot {

  /** Newest effective_from first; equal instants ordered by version id, greatest first. */
  private static final Comparator<PriceVersion> NEWEST_FIRST =
      Comparator.comparing(PriceVersion::effectiveFrom)
          .thenComparing(PriceVersion::versionId)
          .reversed();

  /**
   * Most distinct (provider, model) names remembered per snapshot. Names come from events, so their
   * number is not ours to bound; past this, names are matched again on every call.
   */
  static final int MATCH_MEMO_LIMIT = 4_096;

  private final Map<String, ModelMatcher> matchers;
  private final Map<String, List<PriceVersion>> versionsByModel;

  /**
   * Event (provider, model) -> catalog key of the matched model, or {@link #NO_MATCH}. Matching
   * (aliases, normalisation, rules) was about a third of the cost of pricing an event, and its
   * result depends only on this immutable snapshot. Concurrent: one snapshot serves every thread.
   */
  private final Map<String, String> matchMemo = new ConcurrentHashMap<>();

  private static final String NO_MATCH = "";

  CatalogSnapshot(Collection<PriceVersion> versions) {
    Map<String, ModelMatcher.Builder> builders = new HashMap<>();
    Map<String, List<PriceVersion>> byModel = new HashMap<>();
    for (PriceVersion version : versions) {
      if (version.deleted()) {
        continue;
      }
      String provider = ProviderIds.canonical(version.provider());
      builders
          .computeIfAbsent(provider, p -> ModelMatcher.builder())
          .add(version.model(), version.aliases(), version.matchRules());
      byModel.computeIfAbsent(key(provider, version.model()), k -> new ArrayList<>()).add(version);
    }
    Map<String, ModelMatcher> built = new HashMap<>();
    builders.forEach((provider, builder) -> built.put(provider, builder.build()));
    byModel.values().forEach(list -> list.sort(NEWEST_FIRST));
    this.matchers = Map.copyOf(built);
    Map<String, List<PriceVersion>> frozen = new HashMap<>();
    byModel.forEach((k, list) -> frozen.put(k, List.copyOf(list)));
    this.versionsByModel = Map.copyOf(frozen);
  }

  Resolution resolve(
      String provider, String model, String serviceTier, String tenantId, Instant eventTime) {
    // Length-prefixed: no provider and model pair can spell another pair.
    String eventKey = provider.length() + ":" + provider + model;
    String matchedKey = matchMemo.get(eventKey);
    if (matchedKey == null) {
      matchedKey = match(provider, model);
      if (matchMemo.size() < MATCH_MEMO_LIMIT) {
        matchMemo.put(eventKey, matchedKey);
      }
    }
    if (matchedKey.equals(NO_MATCH)) {
      return new Unpriced(
          UnpricedReason.NO_MATCHING_MODEL,
          "no price matches model '"
              + model
              + "' of provider '"
              + ProviderIds.canonical(provider)
              + "'");
    }
    List<PriceVersion> versions = versionsByModel.get(matchedKey);
    String matchedModel = matchedKey.substring(matchedKey.indexOf('\u0000') + 1);
    return choose(versions, matchedModel, serviceTier, tenantId, eventTime);
  }

  /**
   * The catalog key of the model {@code model} of {@code provider} matches, or {@link #NO_MATCH}.
   */
  private String match(String provider, String model) {
    String canonicalProvider = ProviderIds.canonical(provider);
    List<String> providers = new ArrayList<>();
    providers.add(canonicalProvider);
    providers.addAll(ProviderIds.fallbacks(canonicalProvider));
    for (String candidate : providers) {
      ModelMatcher matcher = matchers.get(candidate);
      Optional<String> matched = matcher == null ? Optional.empty() : matcher.match(model);
      if (matched.isPresent()) {
        return key(candidate, matched.get());
      }
    }
    return NO_MATCH;
  }

  private static Resolution choose(
      List<PriceVersion> versions,
      String model,
      String serviceTier,
      String tenantId,
      Instant eventTime) {
    List<PriceVersion> visible =
        versions.stream()
            .filter(v -> v.tenantId() == null || v.tenantId().equals(tenantId))
            .toList();
    if (visible.isEmpty()) {
      return new Unpriced(
          UnpricedReason.NO_MATCHING_MODEL, "model '" + model + "' has only other tenants' prices");
    }
    String tier = ServiceTiers.priceTierOf(serviceTier);
    List<PriceVersion> ofTier = visible.stream().filter(v -> v.serviceTier().equals(tier)).toList();
    if (ofTier.isEmpty()) {
      TreeSet<String> tiers = new TreeSet<>();
      visible.forEach(v -> tiers.add(v.serviceTier()));
      return new Unpriced(
          UnpricedReason.NO_PRICE_FOR_SERVICE_TIER,
          "model '" + model + "' has prices for tiers " + tiers + " but not '" + tier + "'");
    }
    // A tenant's price wins whenever one is in force; otherwise the global one applies.
    Optional<PriceVersion> chosen = latestInForce(ofTier, tenantId, eventTime);
    if (chosen.isEmpty()) {
      chosen = latestInForce(ofTier, null, eventTime);
    }
    if (chosen.isPresent()) {
      return new Resolution.Found(chosen.get());
    }
    Instant earliest = ofTier.get(ofTier.size() - 1).effectiveFrom();
    return new Unpriced(
        UnpricedReason.NO_PRICE_AT_EVENT_TIME,
        "model '"
            + model
            + "' (tier "
            + tier
            + ") has no price before "
            + earliest
            + "; event time "
            + eventTime);
  }

  private static Optional<PriceVersion> latestInForce(
      List<PriceVersion> newestFirst, String tenantId, Instant eventTime) {
    return newestFirst.stream()
        .filter(v -> tenantId == null ? v.tenantId() == null : tenantId.equals(v.tenantId()))
        .filter(v -> !v.effectiveFrom().isAfter(eventTime))
        .findFirst();
  }

  private static String key(String provider, String model) {
    return provider + '\u0000' + model;
  }
}
