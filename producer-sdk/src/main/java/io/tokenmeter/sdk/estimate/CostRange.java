package io.tokenmeter.sdk.estimate;

import io.tokenmeter.pricing.cost.CostCalculator;
import io.tokenmeter.pricing.cost.CostResult;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.TokenUsage;
import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * The cost bounds of one request under one price version, exact at scale 12 (the pricing module's
 * {@link CostCalculator}, so an estimate and the later bill use the same rules).
 *
 * <p>Minimum: the input tokens, none cached, and no output (plus any per-request fee). Prompt-cache
 * reads make a real call cheaper than this; the minimum assumes none because the cache state is
 * unknown before the call. Maximum: the same input plus {@code maxOutputTokens} of output, at the
 * output rate or at the reasoning rate when the price bills reasoning apart at a higher rate. The
 * long-context tier follows the input count: input above a tier's threshold bills the whole request
 * at that tier's rates, in both bounds.
 *
 * @param longContextThreshold the tier threshold the input crossed, empty for base rates
 */
record CostRange(BigDecimal min, BigDecimal max, OptionalLong longContextThreshold) {

  private static final CostCalculator CALCULATOR = new CostCalculator();

  static CostRange of(PriceVersion version, long inputTokens, long maxOutputTokens) {
    CostResult inputOnly = CALCULATOR.price(usage(inputTokens, 0, 0), version);
    BigDecimal asOutput =
        CALCULATOR.price(usage(inputTokens, maxOutputTokens, 0), version).totalCost();
    BigDecimal asReasoning =
        CALCULATOR.price(usage(inputTokens, maxOutputTokens, maxOutputTokens), version).totalCost();
    return new CostRange(
        inputOnly.totalCost(), asOutput.max(asReasoning), inputOnly.longContextThreshold());
  }

  private static TokenUsage usage(long input, long output, long reasoning) {
    return TokenUsage.newBuilder()
        .setInputTokens(input)
        .setOutputTokens(output)
        .setReasoningTokens(reasoning)
        .build();
  }
}
