package io.tokenmeter.sdk.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MalformedUsageTest {

  @Test
  void shouldRejectNegativeCountNamingTheField() {
    String body = "{\"model\":\"m\",\"usage\":{\"prompt_tokens\":-3,\"completion_tokens\":1}}";
    assertThatThrownBy(() -> UsageAdapters.openAiChat().extract(body))
        .isInstanceOf(UsageExtractionException.class)
        .hasMessageContaining("prompt_tokens")
        .hasMessageContaining("-3");
  }

  @Test
  void shouldRejectFractionalCount() {
    String body = "{\"usage\":{\"input_tokens\":1.5,\"output_tokens\":1}}";
    assertThatThrownBy(() -> UsageAdapters.anthropic().extract(body))
        .isInstanceOf(UsageExtractionException.class)
        .hasMessageContaining("input_tokens")
        .hasMessageContaining("1.5");
  }

  @Test
  void shouldRejectCountGivenAsText() {
    String body = "{\"usageMetadata\":{\"promptTokenCount\":\"12\"}}";
    assertThatThrownBy(() -> UsageAdapters.gemini().extract(body))
        .isInstanceOf(UsageExtractionException.class)
        .hasMessageContaining("promptTokenCount");
  }

  @Test
  void shouldAcceptWholeNumberWrittenWithDecimalPoint() {
    String body = "{\"usage\":{\"prompt_tokens\":12.0,\"completion_tokens\":3}}";
    assertThat(UsageAdapters.openAiChat().extract(body).usage().inputTokens()).isEqualTo(12);
  }

  @Test
  void shouldRejectTextThatIsNotJson() {
    assertThatThrownBy(() -> UsageAdapters.openAiChat().extract("<html>502</html>"))
        .isInstanceOf(UsageExtractionException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void shouldSayWhereACutShortBodyEndsWithoutParserInternals() {
    assertThatThrownBy(
            () -> UsageAdapters.openAiChat().extract("{\"model\":\"gpt-4o\", \"usage\": {"))
        .isInstanceOf(UsageExtractionException.class)
        .hasMessageStartingWith("response body is not JSON: Unexpected end-of-input")
        .hasMessageContaining("line 1, column ")
        .hasMessageNotContaining("Source");
  }

  @Test
  void shouldReadReportedCostExactlyWithoutPassingThroughDouble() {
    // 0.1 + 0.2 style values are where a double would show its error in the last digits.
    String body =
        "{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"cost\":0.300000000001}}";
    BigDecimal cost = UsageAdapters.openRouter().extract(body).providerReportedCostUsd();
    assertThat(cost).isEqualTo(new BigDecimal("0.300000000001"));
  }

  @Test
  void shouldRoundCostBeyondTwelveDecimalsHalfEven() {
    String body =
        "{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"cost\":0.0000000000025}}";
    BigDecimal cost = UsageAdapters.openRouter().extract(body).providerReportedCostUsd();
    assertThat(cost).isEqualTo(new BigDecimal("0.000000000002"));
  }

  @Test
  void shouldIgnoreCostFieldForProvidersThatDoNotReportOne() {
    String body = "{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"cost\":5}}";
    assertThat(UsageAdapters.openAiChat().extract(body).providerReportedCostUsd()).isNull();
  }

  @Test
  void shouldReadRealtimeStyleSingularDetailNames() {
    String body =
        "{\"usage\":{\"input_tokens\":900,\"output_tokens\":300,"
            + "\"input_token_details\":{\"cached_tokens\":640,\"audio_tokens\":700,"
            + "\"cached_tokens_details\":{\"text_tokens\":140,\"audio_tokens\":500}},"
            + "\"output_token_details\":{\"text_tokens\":60,\"audio_tokens\":240}}}";
    NormalizedUsage usage = UsageAdapters.openAiResponses().extract(body).usage();
    assertThat(usage)
        .isEqualTo(
            NormalizedUsage.builder()
                .inputTokens(900)
                .cacheReadTokens(640)
                .audioInputTokens(700)
                .cacheAudioReadTokens(500)
                .outputTokens(300)
                .audioOutputTokens(240)
                .build());
  }

  @Test
  void shouldMarkUsageWithoutOutputTotalIncomplete() {
    String body = "{\"usage\":{\"prompt_tokens\":10}}";
    ExtractedUsage extracted = UsageAdapters.openAiChat().extract(body);
    assertThat(extracted.complete()).isFalse();
    assertThat(extracted.usage().inputTokens()).isEqualTo(10);
  }

  @Test
  void shouldReturnIncompleteForEmptyStream() {
    ExtractedUsage extracted = UsageAdapters.anthropicStream(Providers.ANTHROPIC).result();
    assertThat(extracted.complete()).isFalse();
    assertThat(extracted.usage()).isEqualTo(NormalizedUsage.NONE);
  }

  @Test
  void shouldConvertToAvroTokenUsageWithEveryCount() {
    NormalizedUsage usage =
        NormalizedUsage.builder()
            .inputTokens(100)
            .cacheReadTokens(10)
            .cacheWriteTokens(20)
            .cacheWriteSplit(5L, 15L)
            .outputTokens(50)
            .reasoningTokens(30)
            .audioInputTokens(7)
            .cacheAudioReadTokens(3)
            .audioOutputTokens(4)
            .otherUnit(NormalizedUsage.WEB_SEARCH_CALLS, 2)
            .build();
    var avro = usage.toTokenUsage();
    assertThat(avro.getInputTokens()).isEqualTo(100);
    assertThat(avro.getCacheReadTokens()).isEqualTo(10);
    assertThat(avro.getCacheWriteTokens()).isEqualTo(20);
    assertThat(avro.getCacheWrite5mTokens()).isEqualTo(5L);
    assertThat(avro.getCacheWrite1hTokens()).isEqualTo(15L);
    assertThat(avro.getOutputTokens()).isEqualTo(50);
    assertThat(avro.getReasoningTokens()).isEqualTo(30);
    assertThat(avro.getAudioInputTokens()).isEqualTo(7);
    assertThat(avro.getCacheAudioReadTokens()).isEqualTo(3);
    assertThat(avro.getAudioOutputTokens()).isEqualTo(4);
    assertThat(avro.getOtherUnits()).containsExactly(java.util.Map.entry("web_search_calls", 2L));
  }
}
