package io.tokenmeter.sdk.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UsageEventValidatorTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private final UsageEventValidator validator =
      new UsageEventValidator(Clock.fixed(NOW, ZoneOffset.UTC));

  static UsageEvent valid() {
    return UsageEvent.newBuilder()
        .setEventId("0193f5a0-0000-7000-8000-000000000001")
        .setEventTime(NOW)
        .setTenantId("acme")
        .setProvider("anthropic")
        .setModel("claude-sonnet-4-5-20250929")
        .setUsage(
            TokenUsage.newBuilder()
                .setInputTokens(100)
                .setCacheReadTokens(60)
                .setCacheWriteTokens(40)
                .setCacheWrite5mTokens(10L)
                .setCacheWrite1hTokens(30L)
                .setOutputTokens(50)
                .setReasoningTokens(50)
                .build())
        .setUsageComplete(true)
        .build();
  }

  private InvalidUsageEventException rejected(Consumer<UsageEvent> breakIt) {
    UsageEvent event = valid();
    breakIt.accept(event);
    try {
      validator.validate(event);
    } catch (InvalidUsageEventException e) {
      return e;
    }
    throw new AssertionError("event was accepted: " + event);
  }

  @Test
  void shouldAcceptEventAtTheLimits() {
    assertThatCode(() -> validator.validate(valid())).doesNotThrowAnyException();
  }

  @Test
  void shouldRejectMissingTenantNamingTheField() {
    InvalidUsageEventException e = rejected(ev -> ev.setTenantId(" "));
    assertThat(e.field()).isEqualTo("tenant_id");
    assertThat(e.value()).isEqualTo("\" \"");
    assertThat(e).hasMessageContaining("tenant_id");
  }

  @Test
  void shouldRejectMissingProviderAndModelTogether() {
    InvalidUsageEventException e =
        rejected(
            ev -> {
              ev.setProvider(null);
              ev.setModel("");
            });
    assertThat(e.violations()).extracting(Violation::field).containsExactly("provider", "model");
  }

  @Test
  void shouldRejectUpperCaseProvider() {
    assertThat(rejected(ev -> ev.setProvider("OpenAI")).value()).isEqualTo("\"OpenAI\"");
  }

  @Test
  void shouldRejectNegativeCount() {
    InvalidUsageEventException e = rejected(ev -> ev.getUsage().setOutputTokens(-1));
    assertThat(e.violations())
        .extracting(Violation::field, Violation::value)
        .contains(org.assertj.core.groups.Tuple.tuple("usage.output_tokens", "-1"));
  }

  @Test
  void shouldRejectCacheTokensAboveInputAsAnthropicMistakeWouldProduce() {
    // An adapter that forgot to add Anthropic's cache tokens to input_tokens produces this.
    InvalidUsageEventException e = rejected(ev -> ev.getUsage().setInputTokens(99));
    assertThat(e.field()).isEqualTo("usage.cache_read_tokens + cache_write_tokens");
    assertThat(e.value()).isEqualTo("100");
    assertThat(e).hasMessageContaining("input_tokens = 99");
  }

  @Test
  void shouldRejectReasoningAboveOutput() {
    InvalidUsageEventException e = rejected(ev -> ev.getUsage().setReasoningTokens(51));
    assertThat(e.field()).isEqualTo("usage.reasoning_tokens");
    assertThat(e.value()).isEqualTo("51");
  }

  @Test
  void shouldRejectSplitThatDoesNotAddUpToCacheWrites() {
    InvalidUsageEventException e = rejected(ev -> ev.getUsage().setCacheWrite1hTokens(29L));
    assertThat(e.field()).isEqualTo("usage.cache_write_5m_tokens + usage.cache_write_1h_tokens");
  }

  @Test
  void shouldRejectAudioSubsetsAboveTheirTotals() {
    InvalidUsageEventException e =
        rejected(
            ev -> {
              ev.getUsage().setAudioInputTokens(5);
              ev.getUsage().setCacheAudioReadTokens(6);
            });
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactly("usage.cache_audio_read_tokens");
  }

  @Test
  void shouldRejectEventTimeBeyondSkewButAcceptAtTheSkew() {
    Duration skew = UsageEventValidator.DEFAULT_MAX_FUTURE_SKEW;
    UsageEvent atLimit = valid();
    atLimit.setEventTime(NOW.plus(skew));
    assertThatCode(() -> validator.validate(atLimit)).doesNotThrowAnyException();

    InvalidUsageEventException e = rejected(ev -> ev.setEventTime(NOW.plus(skew).plusMillis(1)));
    assertThat(e.field()).isEqualTo("event_time");
    assertThat(e.value()).isEqualTo("2026-11-22T12:05:00.001Z");
  }

  @Test
  void shouldHonourConfiguredSkew() {
    UsageEventValidator strict =
        new UsageEventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
    UsageEvent event = valid();
    event.setEventTime(NOW.plusMillis(1));
    assertThatThrownBy(() -> strict.validate(event)).isInstanceOf(InvalidUsageEventException.class);
  }

  @Test
  void shouldRejectNegativeSkewSetting() {
    assertThatThrownBy(() -> new UsageEventValidator(Clock.systemUTC(), Duration.ofSeconds(-1)))
        .hasMessageContaining("maxFutureSkew");
  }

  @Test
  void shouldRejectNegativeReportedCostAndLatency() {
    InvalidUsageEventException e =
        rejected(
            ev -> {
              ev.setProviderReportedCostUsd(new BigDecimal("-0.01"));
              ev.setLatencyMs(-5L);
            });
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactly("latency_ms", "provider_reported_cost_usd");
  }

  @Test
  void shouldRejectBlankTagKey() {
    assertThat(rejected(ev -> ev.setTags(Map.of("", "x"))).field()).isEqualTo("tags");
  }
}
