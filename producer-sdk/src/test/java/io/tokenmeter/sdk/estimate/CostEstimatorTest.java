package io.tokenmeter.sdk.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.pricing.DefaultCatalog;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import io.tokenmeter.schema.v1.UnpricedReason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every cost below is worked out by hand from the catalog's per-million prices (noted beside it);
 * BigDecimal equality also checks the scale is 12.
 */
class CostEstimatorTest {

  private static final PriceCatalog SHIPPED = DefaultCatalog.catalog();
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

  private static CostEstimator estimatorAt(Instant instant) {
    return CostEstimator.builder()
        .catalog(SHIPPED)
        .clock(Clock.fixed(instant, ZoneOffset.UTC))
        .build();
  }

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  @Test
  void shouldBoundAnOpenAiPromptBetweenInputOnlyAndMaxOutput() {
    // gpt-4o: $2.50 in, $10 out per million. 6 tokens; 100 output tokens at most.
    Estimate estimate = estimatorAt(NOW).estimate("openai", "gpt-4o", "tiktoken is great!", 100);

    assertThat(estimate.inputTokens()).isEqualTo(6);
    assertThat(estimate.maxOutputTokens()).isEqualTo(100);
    assertThat(estimate.method()).isEqualTo(TokenCountMethod.EXACT_TOKENIZER);
    assertThat(estimate.minCost()).contains(usd("0.000015000000")); // 6 x 0.0000025
    assertThat(estimate.maxCost()).contains(usd("0.001015000000")); // + 100 x 0.00001
    assertThat(estimate.priceVersion().orElseThrow().model()).isEqualTo("gpt-4o");
    assertThat(estimate.priceTime()).isEqualTo(NOW);
    assertThat(estimate.longContextThreshold()).isEmpty();
    assertThat(estimate.unpriced()).isEmpty();
    assertThat(Estimate.CURRENCY).isEqualTo("USD");
  }

  @Test
  void shouldEstimateAChatRequestWithItsFraming() {
    // 124 framed tokens (the API's own count for the cookbook example) x 0.0000025 = 0.00031.
    Estimate estimate =
        estimatorAt(NOW)
            .estimate("openai", "gpt-4o", DefaultTokenCounterTest.COOKBOOK_MESSAGES, 1_000);

    assertThat(estimate.inputTokens()).isEqualTo(124);
    assertThat(estimate.minCost()).contains(usd("0.000310000000"));
    assertThat(estimate.maxCost()).contains(usd("0.010310000000")); // + 1000 x 0.00001
    assertThat(estimate.countingBasis()).isEqualTo("o200k_base + OpenAI chat framing");
  }

  @Test
  void shouldLabelAnApproximatedModelInTheEstimate() {
    // claude-sonnet-4-5: $3 in, $15 out. ceil(6 x 1.30) = 8 tokens.
    Estimate estimate =
        estimatorAt(NOW).estimate("anthropic", "claude-sonnet-4-5", "tiktoken is great!", 10);

    assertThat(estimate.method()).isEqualTo(TokenCountMethod.APPROXIMATION);
    assertThat(estimate.countingBasis()).contains("x 1.30");
    assertThat(estimate.inputTokens()).isEqualTo(8);
    assertThat(estimate.minCost()).contains(usd("0.000024000000")); // 8 x 0.000003
    assertThat(estimate.maxCost()).contains(usd("0.000174000000")); // + 10 x 0.000015
    assertThat(estimate.toString()).contains("APPROXIMATION");
  }

  @Test
  void shouldApplyTheLongContextTierOnlyAboveItsThreshold() {
    CostEstimator estimator = estimatorAt(NOW);
    TokenCount atThreshold = new TokenCount(200_000, TokenCountMethod.EXACT_TOKENIZER, "given");
    TokenCount above = new TokenCount(200_001, TokenCountMethod.EXACT_TOKENIZER, "given");

    Estimate base = estimator.estimate("anthropic", "claude-sonnet-4-5", atThreshold, 1_000);
    Estimate tier = estimator.estimate("anthropic", "claude-sonnet-4-5", above, 1_000);

    // Base: 200000 x $3/M = 0.6; + 1000 x $15/M = 0.015.
    assertThat(base.minCost()).contains(usd("0.600000000000"));
    assertThat(base.maxCost()).contains(usd("0.615000000000"));
    assertThat(base.longContextThreshold()).isEmpty();
    // Above 200k the whole request is at $6 / $22.50: 200001 x 0.000006 = 1.200006;
    // + 1000 x 0.0000225 = 0.0225.
    assertThat(tier.minCost()).contains(usd("1.200006000000"));
    assertThat(tier.maxCost()).contains(usd("1.222506000000"));
    assertThat(tier.longContextThreshold()).hasValue(200_000);
  }

  @Test
  void shouldUseThePriceInForceAtTheClocksInstant() {
    // o3 was $10 / $40 per million until 2025-06-10, then $2 / $8.
    TokenCount thousand = new TokenCount(1_000, TokenCountMethod.EXACT_TOKENIZER, "given");

    Estimate before =
        estimatorAt(Instant.parse("2025-05-01T00:00:00Z"))
            .estimate("openai", "o3", thousand, 1_000);
    Estimate after =
        estimatorAt(Instant.parse("2025-07-01T00:00:00Z"))
            .estimate("openai", "o3", thousand, 1_000);

    assertThat(before.minCost()).contains(usd("0.010000000000"));
    assertThat(before.maxCost()).contains(usd("0.050000000000"));
    assertThat(after.minCost()).contains(usd("0.002000000000"));
    assertThat(after.maxCost()).contains(usd("0.010000000000"));
    assertThat(after.priceVersion().orElseThrow().effectiveFrom())
        .isEqualTo(Instant.parse("2025-06-10T00:00:00Z"));
  }

  @Test
  void shouldReportAnUnknownModelAsUnpricedNeverAsFree() {
    Estimate estimate =
        estimatorAt(NOW).estimate("openai", "no-such-model-xyz", "tiktoken is great!", 100);

    assertThat(estimate.isPriced()).isFalse();
    assertThat(estimate.minCost()).isEmpty();
    assertThat(estimate.maxCost()).isEmpty();
    assertThat(estimate.priceVersion()).isEmpty();
    assertThat(estimate.unpriced().orElseThrow().reason())
        .isEqualTo(UnpricedReason.NO_MATCHING_MODEL);
    assertThat(estimate.inputTokens()).isEqualTo(8); // still counted: ceil(6 x 1.20)
    assertThat(estimate.toString()).contains("unpriced (NO_MATCHING_MODEL");
  }

  @Test
  void shouldBoundOutputAtTheReasoningRateWhenItIsHigher() {
    // $1 in, $2 out, $5 reasoning per million, $0.01 per request; 1000 in, up to 100 out.
    Estimate estimate = handBuilt().estimate("acme-ai", "thinker-1", thousandTokens(), 100);

    assertThat(estimate.minCost()).contains(usd("0.011000000000")); // 0.001 + 0.01 fee
    assertThat(estimate.maxCost()).contains(usd("0.011500000000")); // + 100 x 0.000005
  }

  @Test
  void shouldPreferTheTenantsNegotiatedPrice() {
    CostEstimator estimator =
        CostEstimator.builder().catalog(handCatalog()).clock(fixedNow()).tenant("acme").build();

    Estimate estimate = estimator.estimate("acme-ai", "thinker-1", thousandTokens(), 0);

    assertThat(estimate.minCost()).contains(usd("0.000500000000")); // 1000 x $0.50/M
    assertThat(estimate.priceVersion().orElseThrow().tenant()).contains("acme");
  }

  @Test
  void shouldNotPriceABatchRequestAtTheStandardRate() {
    CostEstimator estimator =
        CostEstimator.builder()
            .catalog(handCatalog())
            .clock(fixedNow())
            .serviceTier("batch")
            .build();

    Estimate estimate = estimator.estimate("acme-ai", "thinker-1", thousandTokens(), 10);

    assertThat(estimate.unpriced().orElseThrow().reason())
        .isEqualTo(UnpricedReason.NO_PRICE_FOR_SERVICE_TIER);
    assertThat(estimate.maxCost()).isEmpty();
  }

  @Test
  void shouldRejectBadArgumentsWithAHint() {
    CostEstimator estimator = estimatorAt(NOW);
    assertThatThrownBy(() -> estimator.estimate("openai", "gpt-4o", "hi", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_tokens");
    assertThatThrownBy(() -> estimator.estimate(" ", "gpt-4o", "hi", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("provider is missing");
    assertThatThrownBy(() -> estimator.estimate("openai", null, "hi", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model is missing");
    assertThatThrownBy(() -> CostEstimator.builder().tenant(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("global prices");
  }

  private static TokenCount thousandTokens() {
    return new TokenCount(1_000, TokenCountMethod.EXACT_TOKENIZER, "given");
  }

  private static Clock fixedNow() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private static CostEstimator handBuilt() {
    return CostEstimator.builder().catalog(handCatalog()).clock(fixedNow()).build();
  }

  private static PriceCatalog handCatalog() {
    UnitRates global =
        UnitRates.of(usd("0.000001"), usd("0.000002"))
            .withReasoning(usd("0.000005"))
            .withPerRequest(usd("0.01"));
    UnitRates negotiated = UnitRates.of(usd("0.0000005"), usd("0.000001"));
    PriceCatalog catalog = new PriceCatalog();
    catalog.upsertVersions(List.of(version(null, global), version("acme", negotiated)));
    return catalog;
  }

  private static PriceVersion version(String tenant, UnitRates rates) {
    return new PriceVersion(
        PriceVersion.versionIdOf("acme-ai", "thinker-1", null, tenant, PriceVersion.SINCE_ALWAYS),
        "acme-ai",
        "thinker-1",
        List.of(),
        List.of(),
        null,
        tenant,
        PriceVersion.SINCE_ALWAYS,
        "test",
        rates,
        List.of(),
        false);
  }
}
