package io.tokenmeter.pricing.cost;

import static io.tokenmeter.pricing.cost.TestPrices.BASE;
import static io.tokenmeter.pricing.cost.TestPrices.LONG;
import static io.tokenmeter.pricing.cost.TestPrices.usage;
import static io.tokenmeter.pricing.cost.TestPrices.usd;
import static io.tokenmeter.pricing.cost.TestPrices.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import io.tokenmeter.schema.v1.CostBreakdown;
import io.tokenmeter.schema.v1.TokenUsage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CostCalculatorTest {

  private static final PriceVersion SONNET_LIKE =
      version(BASE, List.of(new ContextTier(200_000, LONG)));

  private final CostCalculator calculator = new CostCalculator();

  /** Figures checked by hand: count x rate per million / 1,000,000. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "plain input and output: 1000 x $3/M + 500 x $15/M",
            usage(1000, 500).build(),
            "0.003",
            "0.0075",
            "0.0105"),
        Arguments.of(
            "cached tokens inside input are not billed twice: 1000 uncached, 8000 read, 1000"
                + " unsplit writes at the 5m rate",
            usage(10_000, 100).setCacheReadTokens(8000).setCacheWriteTokens(1000).build(),
            "0.00915",
            "0.0015",
            "0.01065"),
        Arguments.of(
            "split writes: 1000 x $3.75/M + 2000 x $6/M, 2000 uncached",
            usage(5000, 0)
                .setCacheWriteTokens(3000)
                .setCacheWrite5mTokens(1000L)
                .setCacheWrite1hTokens(2000L)
                .build(),
            "0.02175",
            "0",
            "0.02175"),
        Arguments.of(
            "only the 1h split known: the rest of the writes are 5m writes",
            usage(5000, 0).setCacheWriteTokens(3000).setCacheWrite1hTokens(2000L).build(),
            "0.02175",
            "0",
            "0.02175"),
        Arguments.of(
            "reasoning inside output without a reasoning rate is billed once, at the output rate",
            usage(0, 1000).setReasoningTokens(600).build(),
            "0",
            "0.015",
            "0.015"),
        Arguments.of(
            "exactly at the threshold: base rates",
            usage(200_000, 1000).build(),
            "0.6",
            "0.015",
            "0.615"),
        Arguments.of(
            "one token over the threshold: the whole request at the tier rates",
            usage(200_001, 1000).build(),
            "1.200006",
            "0.0225",
            "1.222506"),
        Arguments.of(
            "over the threshold with cache reads: the cached tokens too at the tier rate",
            usage(300_000, 0).setCacheReadTokens(100_000).build(),
            "1.26",
            "0",
            "1.26"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldPriceEachCaseExactly(
      String description, TokenUsage usage, String input, String output, String total) {
    CostResult result = calculator.price(usage, SONNET_LIKE);

    assertThat(result.inputCost()).isEqualTo(usd(input));
    assertThat(result.outputCost()).isEqualTo(usd(output));
    assertThat(result.totalCost()).isEqualTo(usd(total));
  }

  @Test
  void shouldReportTheTierThresholdOnlyWhenCrossed() {
    assertThat(calculator.price(usage(200_001, 0).build(), SONNET_LIKE).longContextThreshold())
        .hasValue(200_000);
    assertThat(calculator.price(usage(200_000, 0).build(), SONNET_LIKE).longContextThreshold())
        .isEmpty();
  }

  @Test
  void shouldBillReasoningApartWhenThePriceHasAReasoningRate() {
    PriceVersion price = version(BASE.withReasoning(usd("0.00001")), List.of());

    CostBreakdown cost =
        calculator.price(usage(0, 1000).setReasoningTokens(600).build(), price).breakdown();

    assertThat(cost.getTextOutput()).isEqualTo(usd("0.006"));
    assertThat(cost.getReasoning()).isEqualTo(usd("0.006"));
  }

  @Test
  void shouldSplitAudioAndCachedAudioOutOfTextCategories() {
    UnitRates rates = BASE.withAudio(usd("0.00004"), usd("0.0000025"), usd("0.00008"));
    TokenUsage usage =
        usage(1000, 500)
            .setAudioInputTokens(600)
            .setCacheAudioReadTokens(100)
            .setCacheReadTokens(300)
            .setAudioOutputTokens(200)
            .build();

    CostResult result = calculator.price(usage, version(rates, List.of()));
    CostBreakdown cost = result.breakdown();

    assertThat(cost.getUncachedInput()).isEqualTo(usd("0.0006")); // 200 text tokens
    assertThat(cost.getCacheRead()).isEqualTo(usd("0.00006")); // 200 text reads
    assertThat(cost.getCacheAudioRead()).isEqualTo(usd("0.00025")); // 100 audio reads
    assertThat(cost.getAudioInput()).isEqualTo(usd("0.02")); // 500 uncached audio
    assertThat(cost.getTextOutput()).isEqualTo(usd("0.0045")); // 300 text out
    assertThat(cost.getAudioOutput()).isEqualTo(usd("0.016")); // 200 audio out
    assertThat(result.totalCost()).isEqualTo(usd("0.04141"));
  }

  @Test
  void shouldBillCachedAudioAtTheAudioRateWhenThePriceHasNoCacheRates() {
    // gpt-audio in genai-prices: $2.50 text in, $32 audio in, $10 text out, $64 audio out.
    UnitRates rates =
        UnitRates.of(usd("0.0000025"), usd("0.00001"))
            .withAudio(usd("0.000032"), null, usd("0.000064"));
    TokenUsage usage =
        usage(5000, 800)
            .setAudioInputTokens(2000)
            .setCacheReadTokens(1000)
            .setCacheAudioReadTokens(300)
            .setAudioOutputTokens(500)
            .build();

    CostResult result = calculator.price(usage, version(rates, List.of()));

    // 3000 text tokens x $2.50 + 2000 audio tokens (300 of them cached) x $32
    assertThat(result.inputCost()).isEqualTo(usd("0.0715"));
    assertThat(result.outputCost()).isEqualTo(usd("0.035"));
  }

  @Test
  void shouldBillRequestFeeOnceAndOtherUnitsByName() {
    UnitRates rates =
        BASE.withPerRequest(usd("0.01")).withOtherUnits(Map.of("web_search_calls", usd("0.01")));
    TokenUsage usage = usage(1000, 0).setOtherUnits(Map.of("web_search_calls", 2L)).build();

    CostResult result = calculator.price(usage, version(rates, List.of()));

    assertThat(result.breakdown().getRequestFee()).isEqualTo(usd("0.01"));
    assertThat(result.breakdown().getOtherUnits()).containsEntry("web_search_calls", usd("0.02"));
    assertThat(result.totalCost()).isEqualTo(usd("0.033"));
  }

  @Test
  void shouldFallBackToTheInputRateWhenNoCacheRatesArePriced() {
    PriceVersion price = version(UnitRates.of(usd("0.000002"), usd("0.000008")), List.of());

    CostResult result =
        calculator.price(
            usage(1000, 0).setCacheReadTokens(400).setCacheWriteTokens(100).build(), price);

    assertThat(result.inputCost()).isEqualTo(usd("0.002"));
  }

  @Test
  void shouldStayExactForRatesWithManyDecimals() {
    // $0.15 per million = 0.00000015 per token; 7 tokens = 0.00000105 exactly.
    PriceVersion price = version(UnitRates.of(usd("0.00000015"), usd("0.0000006")), List.of());

    assertThat(calculator.price(usage(7, 0).build(), price).totalCost())
        .isEqualTo(usd("0.00000105"));
  }

  @Test
  void shouldRefuseAnEventUsingAnUnpricedUnit() {
    TokenUsage usage = usage(10, 0).setOtherUnits(Map.of("images", 1L)).build();

    assertThatThrownBy(() -> calculator.price(usage, SONNET_LIKE))
        .isInstanceOf(UnitNotPricedException.class)
        .hasMessageContaining("images");
  }

  @Test
  void shouldRejectCacheReadsAboveInput() {
    TokenUsage usage = usage(100, 0).setCacheReadTokens(101).build();

    assertThatThrownBy(() -> calculator.price(usage, SONNET_LIKE))
        .isInstanceOf(InvalidUsageException.class)
        .hasMessageContaining("exceed input_tokens");
  }

  @Test
  void shouldRejectReasoningAboveOutput() {
    TokenUsage usage = usage(0, 10).setReasoningTokens(11).build();

    assertThatThrownBy(() -> calculator.price(usage, SONNET_LIKE))
        .isInstanceOf(InvalidUsageException.class);
  }
}
