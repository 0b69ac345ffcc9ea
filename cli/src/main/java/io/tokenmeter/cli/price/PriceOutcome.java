package io.tokenmeter.cli.price;

import io.tokenmeter.pricing.cost.CostResult;
import io.tokenmeter.pricing.model.PriceVersion;
import java.time.Instant;

/** What pricing one document gave: its exact cost with the version used, or why it has none. */
sealed interface PriceOutcome {

  /** The cost of {@code request} at {@code at} with {@code version}. */
  record Priced(PricingRequest request, Instant at, PriceVersion version, CostResult cost)
      implements PriceOutcome {}

  /**
   * No cost: {@code reason} is a stable code (an UnpricedReason such as NO_MATCHING_MODEL, or
   * INVALID_USAGE / INVALID_DOCUMENT), {@code message} says what to do.
   */
  record Failed(String reason, String message) implements PriceOutcome {}
}
