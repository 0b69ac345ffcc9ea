package io.tokenmeter.pricing.cost;

import io.tokenmeter.schema.v1.CostBreakdown;
import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * The exact cost of one call: the disjoint per-category breakdown (Avro, scale 12), the sums the
 * PricedUsage record carries, and the long-context threshold whose tier billed the request.
 *
 * @param inputCost uncached input + cache reads (text and audio) + cache writes + audio input
 * @param outputCost text output + reasoning + audio output
 * @param totalCost every category, request fee and other units included
 */
public record CostResult(
    CostBreakdown breakdown,
    BigDecimal inputCost,
    BigDecimal outputCost,
    BigDecimal totalCost,
    OptionalLong longContextThreshold) {

  /** The threshold as the nullable Long of {@code PricedUsage.long_context_threshold_tokens}. */
  public Long longContextThresholdOrNull() {
    return longContextThreshold.isPresent() ? longContextThreshold.getAsLong() : null;
  }
}
