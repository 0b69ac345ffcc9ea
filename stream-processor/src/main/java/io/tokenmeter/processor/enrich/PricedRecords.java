package io.tokenmeter.processor.enrich;

import io.tokenmeter.pricing.catalog.PricingOutcome;
import io.tokenmeter.pricing.cost.CostResult;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Instant;

/** Builds the output records of pricing from the pricing module's results. */
public final class PricedRecords {
  private PricedRecords() {}

  /** {@code unpricedSince} is the first failed attempt for a re-priced event, else null. */
  public static PricedUsage priced(
      UsageEvent event, PricingOutcome.Priced outcome, Instant pricedAt, Instant unpricedSince) {
    PriceVersion version = outcome.version();
    CostResult cost = outcome.cost();
    return PricedUsage.newBuilder()
        .setEvent(event)
        .setPriceVersionId(version.versionId())
        .setMatchedModel(version.model())
        .setServiceTier(version.serviceTier())
        .setPriceTenantId(version.tenantId())
        .setLongContextThresholdTokens(cost.longContextThresholdOrNull())
        .setCost(cost.breakdown())
        .setInputCost(cost.inputCost())
        .setOutputCost(cost.outputCost())
        .setTotalCost(cost.totalCost())
        .setPricedAt(pricedAt)
        .setUnpricedSince(unpricedSince)
        .build();
  }

  public static UnpricedUsage unpriced(
      UsageEvent event, io.tokenmeter.pricing.catalog.Unpriced why, Instant now) {
    return UnpricedUsage.newBuilder()
        .setEvent(event)
        .setReason(why.reason())
        .setReasonMessage(why.message())
        .setFirstSeen(now)
        .setLastAttemptAt(now)
        .build();
  }
}
