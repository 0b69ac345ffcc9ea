package io.tokenmeter.pricing.catalog;

import io.tokenmeter.pricing.cost.CostResult;
import io.tokenmeter.pricing.model.PriceVersion;

/** What {@link PriceCatalog#price} made of an event: its exact cost, or why it has none. */
public sealed interface PricingOutcome permits PricingOutcome.Priced, Unpriced {

  /** The event's cost with the price version used. */
  record Priced(PriceVersion version, CostResult cost) implements PricingOutcome {}
}
