package io.tokenmeter.pricing.catalog;

import io.tokenmeter.pricing.cost.CostCalculator;
import io.tokenmeter.pricing.cost.UnitNotPricedException;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UnpricedReason;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe store of price versions, keyed by version id like the compacted prices topic, that
 * resolves and prices events. Writers ({@link #upsert}, {@link #remove}) swap in a new immutable
 * index; readers never block on each other.
 *
 * <p>Resolution of (provider, model, service tier, tenant, event time):
 *
 * <ol>
 *   <li>the provider id is made canonical ({@code aws} = {@code aws-bedrock}...); a model unknown
 *       to Azure or Google is looked up at the providers they resell (see ProviderIds);
 *   <li>the model name is matched to a canonical id (ModelMatcher) - none: NO_MATCHING_MODEL;
 *   <li>only the versions of the event's tier count (no tier or "default" = standard; batch, flex
 *       or priority never fall back to standard, see ServiceTiers) - none:
 *       NO_PRICE_FOR_SERVICE_TIER;
 *   <li>the latest version of the event's tenant with effective_from &lt;= event time wins; else
 *       the latest global one - none: NO_PRICE_AT_EVENT_TIME. Equal effective_from: the greater
 *       version id wins, so the choice never depends on arrival order.
 * </ol>
 */
public final class PriceCatalog {

  private static final Logger LOGGER = LoggerFactory.getLogger(PriceCatalog.class);

  private final CostCalculator calculator = new CostCalculator();
  private final Object writeLock = new Object();
  private final Map<String, PriceVersion> versions = new LinkedHashMap<>();
  // null = stale: rebuilt by the next reader, so a burst of upserts (a prices topic replayed at
  // start-up) costs one rebuild, not one per record.
  private volatile CatalogSnapshot snapshot;

  /** An empty catalog. */
  public PriceCatalog() {}

  /** A catalog holding {@code prices}. */
  public static PriceCatalog of(Collection<ModelPrice> prices) {
    PriceCatalog catalog = new PriceCatalog();
    catalog.upsertAll(prices);
    return catalog;
  }

  /**
   * Adds or replaces the version with the same id; a {@code deleted} version removes it.
   *
   * @throws IllegalArgumentException when the version breaks the contract; nothing changes
   */
  public void upsert(ModelPrice price) {
    upsertAll(List.of(price));
  }

  /**
   * Adds or replaces many versions with one index rebuild (use it for imports). All or nothing.
   *
   * @throws IllegalArgumentException when a version breaks the contract (negative rate, a rate with
   *     more than 12 decimals, missing id...); the catalog is then unchanged
   */
  public void upsertAll(Collection<ModelPrice> prices) {
    List<PriceVersion> converted = prices.stream().map(AvroPrices::fromAvro).toList();
    upsertVersions(converted);
  }

  /** Adds or replaces versions already converted to the model. */
  public void upsertVersions(Collection<PriceVersion> prices) {
    synchronized (writeLock) {
      for (PriceVersion version : prices) {
        if (version.deleted()) {
          versions.remove(version.versionId());
        } else {
          versions.put(version.versionId(), version);
        }
      }
      markStale();
    }
    LOGGER.debug("catalog now holds {} price versions", versions.size());
  }

  /** Removes a version (a tombstone on the prices topic); returns false if it was unknown. */
  public boolean remove(String versionId) {
    synchronized (writeLock) {
      boolean removed = versions.remove(versionId) != null;
      if (removed) {
        markStale();
      }
      return removed;
    }
  }

  /** The version with this id, if present. */
  public Optional<PriceVersion> version(String versionId) {
    synchronized (writeLock) {
      return Optional.ofNullable(versions.get(versionId));
    }
  }

  /** Every version, in insertion order. */
  public List<PriceVersion> versions() {
    synchronized (writeLock) {
      return List.copyOf(versions.values());
    }
  }

  /** Number of versions held. */
  public int size() {
    synchronized (writeLock) {
      return versions.size();
    }
  }

  /** The price version that applies, or why none does (see the class comment for the rules). */
  public Resolution resolve(
      String provider, String model, String serviceTier, String tenantId, Instant eventTime) {
    return currentSnapshot().resolve(provider, model, serviceTier, tenantId, eventTime);
  }

  /**
   * Prices an event with the version effective at its event time.
   *
   * @return Priced, or Unpriced with USAGE_INCOMPLETE (usage_complete false), a resolution reason,
   *     or UNIT_NOT_PRICED (a non-token unit without a rate)
   * @throws io.tokenmeter.pricing.cost.InvalidUsageException when the token counts are invalid (a
   *     dead letter, not an unpriced event)
   */
  public PricingOutcome price(UsageEvent event) {
    if (!event.getUsageComplete()) {
      return new Unpriced(
          UnpricedReason.USAGE_INCOMPLETE, "usage_complete is false: the counts are a lower bound");
    }
    Resolution resolution =
        resolve(
            event.getProvider(),
            event.getModel(),
            event.getServiceTier(),
            event.getTenantId(),
            event.getEventTime());
    if (resolution instanceof Unpriced unpriced) {
      return unpriced;
    }
    PriceVersion version = ((Resolution.Found) resolution).version();
    try {
      return new PricingOutcome.Priced(version, calculator.price(event, version));
    } catch (UnitNotPricedException e) {
      return new Unpriced(UnpricedReason.UNIT_NOT_PRICED, e.getMessage());
    }
  }

  private void markStale() {
    snapshot = null;
  }

  private CatalogSnapshot currentSnapshot() {
    CatalogSnapshot current = snapshot;
    if (current != null) {
      return current;
    }
    synchronized (writeLock) {
      if (snapshot == null) {
        snapshot = new CatalogSnapshot(versions.values());
      }
      return snapshot;
    }
  }
}
