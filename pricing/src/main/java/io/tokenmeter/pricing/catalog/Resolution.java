package io.tokenmeter.pricing.catalog;

import io.tokenmeter.pricing.model.PriceVersion;

/** What {@link PriceCatalog#resolve} found: a price version, or why there is none. */
public sealed interface Resolution permits Resolution.Found, Unpriced {

  /** The price version that applies. */
  record Found(PriceVersion version) implements Resolution {}
}
