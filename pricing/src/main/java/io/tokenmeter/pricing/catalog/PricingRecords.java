package io.tokenmeter.pricing.catalog;

import io.tokenmeter.pricing.cost.CostResult;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Instant;

/** Builds the Avro records of the priced-usage and unpriced topics from a pricing outcome. */
public final class PricingRecords {

  private PricingRecords() {}

  /**
   * The PricedUsage record of a priced event.
   *
   * @param pricedAt the processor clock's now
   * @param unpricedSince UnpricedUsage.first_seen when the event waited on the unpriced topic, else
   *     null
   */
  public static PricedUsage priced(
      UsageEvent event, PricingOutcome.Priced priced, Instant pricedAt, Instant unpricedSince) {
    PriceVersion version = priced.version();
    CostResult cost = priced.cost();
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

  /**
   * The UnpricedUsage record of an event without a price.
   *
   * @param firstSeen when pricing first failed (kept across retries)
   * @param attemptAt the processor clock's now
   */
  public static UnpricedUsage unpriced(
      UsageEvent event, Unpriced unpriced, Instant firstSeen, Instant attemptAt) {
    return UnpricedUsage.newBuilder()
        .setEvent(event)
        .setReason(unpriced.reason())
        .setReasonMessage(unpriced.message())
        .setFirstSeen(firstSeen)
        .setLastAttemptAt(attemptAt)
        .build();
  }
}
