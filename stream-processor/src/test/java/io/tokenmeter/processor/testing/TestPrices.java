package io.tokenmeter.processor.testing;

import io.tokenmeter.schema.v1.LongContextTier;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UnitPrices;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Price versions for tests, with rates given in USD per million tokens. */
public final class TestPrices {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private TestPrices() {}

  /** USD per single token at scale 12 from a per-million price. */
  public static BigDecimal perToken(String perMillion) {
    return new BigDecimal(perMillion).divide(MILLION).setScale(12);
  }

  public static UnitPrices.Builder rates(String inputPerMillion, String outputPerMillion) {
    return UnitPrices.newBuilder()
        .setUncachedInputPerToken(perToken(inputPerMillion))
        .setOutputPerToken(perToken(outputPerMillion));
  }

  public static ModelPrice.Builder price(
      String model, String tier, String tenant, String effectiveFrom, UnitPrices rates) {
    String version =
        "openai/"
            + model
            + "/"
            + tier
            + "/"
            + (tenant == null ? "global" : tenant)
            + "/"
            + effectiveFrom;
    return ModelPrice.newBuilder()
        .setPriceVersionId(version)
        .setProvider("openai")
        .setModel(model)
        .setServiceTier(tier)
        .setTenantId(tenant)
        .setEffectiveFrom(Instant.parse(effectiveFrom))
        .setSource("test")
        .setRates(rates)
        .setLongContextTiers(List.of());
  }

  /**
   * The price most processor tests use: global gpt-4o, standard tier, $3 in / $15 out per million
   * tokens, in force from 2026-01-01.
   */
  public static ModelPrice gpt4o() {
    return price("gpt-4o", "standard", null, "2026-01-01T00:00:00Z", rates("3", "15").build())
        .build();
  }

  public static LongContextTier tier(long threshold, UnitPrices rates) {
    return LongContextTier.newBuilder().setThresholdInputTokens(threshold).setRates(rates).build();
  }
}
