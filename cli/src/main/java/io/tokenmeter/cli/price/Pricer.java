package io.tokenmeter.cli.price;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.Resolution;
import io.tokenmeter.pricing.catalog.Unpriced;
import io.tokenmeter.pricing.cost.CostCalculator;
import io.tokenmeter.pricing.cost.InvalidUsageException;
import io.tokenmeter.pricing.cost.UnitNotPricedException;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.UnpricedReason;
import java.time.Instant;
import java.util.Objects;

/** Prices requests against one catalog with the rules the stream processor applies. */
final class Pricer {

  static final String INVALID_USAGE = "INVALID_USAGE";

  private final PriceCatalog catalog;
  private final CostCalculator calculator = new CostCalculator();

  Pricer(PriceCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** Prices {@code request} with the version in force at {@code at}. */
  PriceOutcome price(PricingRequest request, Instant at) {
    if (!request.complete()) {
      return new PriceOutcome.Failed(
          UnpricedReason.USAGE_INCOMPLETE.name(),
          "the document has no complete usage (no usage object, or a response cut short);"
              + " it is not priced, since missing counts would under-price the call");
    }
    if (request.model() == null || request.model().isBlank()) {
      return new PriceOutcome.Failed(
          UnpricedReason.NO_MATCHING_MODEL.name(),
          "the document names no model; give it with --model");
    }
    Resolution resolution =
        catalog.resolve(
            request.provider(), request.model(), request.serviceTier(), request.tenantId(), at);
    if (resolution instanceof Unpriced unpriced) {
      return new PriceOutcome.Failed(
          unpriced.reason().name(),
          unpriced.message() + " (provider " + request.provider() + ", at " + at + ")");
    }
    PriceVersion version = ((Resolution.Found) resolution).version();
    try {
      return new PriceOutcome.Priced(
          request, at, version, calculator.price(request.usage(), version));
    } catch (UnitNotPricedException e) {
      return new PriceOutcome.Failed(UnpricedReason.UNIT_NOT_PRICED.name(), e.getMessage());
    } catch (InvalidUsageException e) {
      return new PriceOutcome.Failed(INVALID_USAGE, e.getMessage());
    }
  }
}
