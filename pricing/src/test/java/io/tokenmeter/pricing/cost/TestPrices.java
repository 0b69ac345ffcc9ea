package io.tokenmeter.pricing.cost;

import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import io.tokenmeter.schema.v1.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-written prices and usage for the cost tests (Anthropic-like rates, USD per token). */
final class TestPrices {

  /** $3 / $0.30 / $3.75 / $6 / $15 per million: input, cache read, 5m write, 1h write, output. */
  static final UnitRates BASE =
      UnitRates.of(usd("0.000003"), usd("0.000015"))
          .withCacheRead(usd("0.0000003"))
          .withCacheWrites(usd("0.00000375"), usd("0.000006"));

  /** Above 200k input tokens: every rate doubles, output x1.5. */
  static final UnitRates LONG =
      UnitRates.of(usd("0.000006"), usd("0.0000225"))
          .withCacheRead(usd("0.0000006"))
          .withCacheWrites(usd("0.0000075"), usd("0.000012"));

  private TestPrices() {}

  static BigDecimal usd(String value) {
    return new BigDecimal(value).setScale(12, RoundingMode.UNNECESSARY);
  }

  static PriceVersion version(UnitRates rates, List<ContextTier> tiers) {
    return new PriceVersion(
        "test/model/standard/global/1970-01-01T00:00:00Z",
        "test",
        "model",
        List.of(),
        List.of(),
        null,
        null,
        Instant.EPOCH,
        "hand-written",
        rates,
        tiers,
        false);
  }

  static TokenUsage.Builder usage(long input, long output) {
    return TokenUsage.newBuilder()
        .setInputTokens(input)
        .setOutputTokens(output)
        .setOtherUnits(Map.of());
  }
}
