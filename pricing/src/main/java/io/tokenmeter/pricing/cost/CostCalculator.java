package io.tokenmeter.pricing.cost;

import io.tokenmeter.pricing.model.AppliedRates;
import io.tokenmeter.pricing.model.Money;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import io.tokenmeter.schema.v1.CostBreakdown;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prices one call exactly: every count times its rate at scale 12 (no rounding, see {@link Money}).
 * Stateless and thread-safe.
 *
 * <p>Rules: cached and audio tokens are taken out of input before the rest is billed as uncached
 * input; reasoning is billed apart only when the price has a reasoning rate, otherwise it stays in
 * output at the output rate; the per-request fee is billed once; a long-context tier crossed by
 * input tokens bills the whole request at its rates.
 */
public final class CostCalculator {

  /**
   * Prices the usage of an event.
   *
   * @throws InvalidUsageException when the counts break the TokenUsage subset rules
   * @throws UnitNotPricedException when the event used a non-token unit the price has no rate for
   */
  public CostResult price(UsageEvent event, PriceVersion price) {
    return price(event.getUsage(), price);
  }

  /** Prices one call's usage; see {@link #price(UsageEvent, PriceVersion)}. */
  public CostResult price(TokenUsage usage, PriceVersion price) {
    UsageCounts counts = UsageCounts.of(usage);
    AppliedRates applied = price.ratesFor(counts.inputTokens());
    UnitRates rates = applied.rates();
    Optional<BigDecimal> reasoningRate = rates.separateReasoning();
    long reasoningApart = reasoningRate.isPresent() ? counts.reasoning() : 0;
    long textOutput = counts.outputTokens() - counts.audioOutput() - reasoningApart;

    BigDecimal uncachedInput = Money.times(counts.uncachedText(), rates.uncachedInput());
    BigDecimal cacheRead = Money.times(counts.cacheReadText(), rates.effectiveCacheRead());
    BigDecimal cacheAudioRead =
        Money.times(counts.cacheAudioRead(), rates.effectiveCacheAudioRead());
    BigDecimal write5m = Money.times(counts.cacheWrite5m(), rates.effectiveCacheWrite5m());
    BigDecimal write1h = Money.times(counts.cacheWrite1h(), rates.effectiveCacheWrite1h());
    BigDecimal audioInput = Money.times(counts.uncachedAudio(), rates.effectiveAudioInput());
    BigDecimal text = Money.times(textOutput, rates.output());
    BigDecimal reasoning = Money.times(reasoningApart, reasoningRate.orElse(Money.ZERO));
    BigDecimal audioOutput = Money.times(counts.audioOutput(), rates.effectiveAudioOutput());
    BigDecimal requestFee = rates.effectivePerRequest();
    Map<String, BigDecimal> otherUnits = priceOtherUnits(counts, rates, price.versionId());

    BigDecimal inputCost =
        uncachedInput.add(cacheRead).add(cacheAudioRead).add(write5m).add(write1h).add(audioInput);
    BigDecimal outputCost = text.add(reasoning).add(audioOutput);
    BigDecimal total = inputCost.add(outputCost).add(requestFee);
    for (BigDecimal unitCost : otherUnits.values()) {
      total = total.add(unitCost);
    }
    CostBreakdown breakdown =
        CostBreakdown.newBuilder()
            .setUncachedInput(uncachedInput)
            .setCacheRead(cacheRead)
            .setCacheAudioRead(cacheAudioRead)
            .setCacheWrite5m(write5m)
            .setCacheWrite1h(write1h)
            .setAudioInput(audioInput)
            .setTextOutput(text)
            .setReasoning(reasoning)
            .setAudioOutput(audioOutput)
            .setRequestFee(requestFee)
            .setOtherUnits(otherUnits)
            .build();
    return new CostResult(breakdown, inputCost, outputCost, total, applied.longContextThreshold());
  }

  private static Map<String, BigDecimal> priceOtherUnits(
      UsageCounts counts, UnitRates rates, String versionId) {
    Map<String, BigDecimal> costs = new TreeMap<>();
    counts
        .otherUnits()
        .forEach(
            (unit, count) -> {
              Optional<BigDecimal> rate = rates.otherUnit(unit);
              if (rate.isPresent()) {
                costs.put(unit, Money.times(count, rate.get()));
              } else if (count > 0) {
                throw new UnitNotPricedException(unit, versionId);
              }
            });
    return costs;
  }
}
