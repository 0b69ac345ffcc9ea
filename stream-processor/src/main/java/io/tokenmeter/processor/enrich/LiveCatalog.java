package io.tokenmeter.processor.enrich;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.PricingOutcome;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UsageEvent;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The price catalog as the prices topic fills it, with a revision that moves on every change. The
 * global-store thread writes; stream threads read, and compare revisions to know when parked
 * unpriced events are worth another try.
 */
public final class LiveCatalog {
  private final PriceCatalog catalog;
  private final AtomicLong revision = new AtomicLong();

  public LiveCatalog(PriceCatalog catalog) {
    this.catalog = catalog;
  }

  /** A new or changed version; a version with {@code deleted = true} withdraws it. */
  public void upsert(ModelPrice price) {
    catalog.upsert(price);
    revision.incrementAndGet();
  }

  /** A tombstone on the prices topic. */
  public void remove(String priceVersionId) {
    catalog.remove(priceVersionId);
    revision.incrementAndGet();
  }

  public PricingOutcome price(UsageEvent event) {
    return catalog.price(event);
  }

  public long revision() {
    return revision.get();
  }

  public int size() {
    return catalog.size();
  }
}
