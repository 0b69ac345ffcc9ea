package io.tokenmeter.processor.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsageValidatorTest {
  private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

  private static UsageEvent withUsage(UnaryOperator<TokenUsage.Builder> change) {
    return TestEvents.event("e", "t", TIME)
        .setUsage(change.apply(TestEvents.usage(1000, 100)).build())
        .build();
  }

  @Test
  void shouldAcceptAFullyConsistentEvent() {
    UsageEvent event =
        withUsage(
            u ->
                u.setCacheReadTokens(300)
                    .setCacheWriteTokens(200)
                    .setCacheWrite5mTokens(150L)
                    .setCacheWrite1hTokens(50L)
                    .setAudioInputTokens(100)
                    .setCacheAudioReadTokens(40)
                    .setReasoningTokens(60)
                    .setAudioOutputTokens(20)
                    .setOtherUnits(Map.of("images", 2L)));
    assertThat(UsageValidator.violations(event)).isEmpty();
  }

  static Stream<Arguments> brokenEvents() {
    return Stream.of(
        Arguments.of(withUsage(u -> u.setOutputTokens(-1)), "output_tokens is -1"),
        Arguments.of(withUsage(u -> u.setCacheWriteTokens(1001)), "exceeds input_tokens = 1000"),
        Arguments.of(
            withUsage(u -> u.setCacheReadTokens(600).setCacheWriteTokens(401)),
            "cache_read_tokens + cache_write_tokens = 1001"),
        Arguments.of(withUsage(u -> u.setAudioOutputTokens(101)), "audio_output_tokens = 101"),
        Arguments.of(
            withUsage(u -> u.setAudioInputTokens(10).setCacheAudioReadTokens(11)),
            "cache_audio_read_tokens 11"),
        Arguments.of(
            withUsage(
                u ->
                    u.setCacheWriteTokens(100)
                        .setCacheWrite5mTokens(60L)
                        .setCacheWrite1hTokens(60L)),
            "differs from cache_write_tokens = 100"),
        Arguments.of(
            withUsage(u -> u.setOtherUnits(Map.of("images", -2L))), "other_units.images is -2"),
        Arguments.of(TestEvents.event("", "t", TIME).build(), "event_id is empty"),
        Arguments.of(TestEvents.event("e", "t", TIME).setModel("").build(), "model is empty"),
        Arguments.of(TestEvents.event("e", "t", Instant.EPOCH).build(), "event_time must be after"),
        Arguments.of(TestEvents.event("e", "t", TIME).setLatencyMs(-3L).build(), "latency_ms -3"));
  }

  @ParameterizedTest
  @MethodSource("brokenEvents")
  void shouldNameTheBrokenRule(UsageEvent event, String expected) {
    assertThat(UsageValidator.violations(event)).anySatisfy(v -> assertThat(v).contains(expected));
  }
}
