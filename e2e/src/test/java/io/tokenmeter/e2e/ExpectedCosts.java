package io.tokenmeter.e2e;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.PricingOutcome;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The oracle: what each event must cost, computed in-process by the pricing module's {@link
 * PriceCatalog#price} over the same price versions the pipeline was given.
 */
final class ExpectedCosts {

  /** One event's expected price version and total cost. */
  record Cost(String priceVersionId, BigDecimal total) {}

  private final Map<String, Cost> byEventId = new HashMap<>();
  private final Map<String, BigDecimal> byTenant = new HashMap<>();

  ExpectedCosts(PriceCatalog catalog, Collection<UsageEvent> events) {
    for (UsageEvent event : events) {
      if (!(catalog.price(event) instanceof PricingOutcome.Priced priced)) {
        throw new IllegalStateException("the oracle cannot price " + event);
      }
      BigDecimal total = priced.cost().totalCost();
      byEventId.put(event.getEventId(), new Cost(priced.version().versionId(), total));
      byTenant.merge(event.getTenantId(), total, BigDecimal::add);
    }
  }

  Map<String, Cost> byEventId() {
    return byEventId;
  }

  Map<String, BigDecimal> byTenant() {
    return byTenant;
  }

  int size() {
    return byEventId.size();
  }
}
