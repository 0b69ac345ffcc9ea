package io.tokenmeter.sdk.validation;

import io.tokenmeter.schema.v1.TokenUsage;
import java.util.List;

/**
 * The contract's token rules: counts are never negative and every subset stays within its total.
 * The messages point at the usual cause, a provider total that excludes its parts.
 */
final class TokenUsageRules {
  private TokenUsageRules() {}

  static void check(TokenUsage usage, List<Violation> violations) {
    nonNegative(violations, "input_tokens", usage.getInputTokens());
    nonNegative(violations, "cache_read_tokens", usage.getCacheReadTokens());
    nonNegative(violations, "cache_write_tokens", usage.getCacheWriteTokens());
    nonNegative(violations, "output_tokens", usage.getOutputTokens());
    nonNegative(violations, "reasoning_tokens", usage.getReasoningTokens());
    nonNegative(violations, "audio_input_tokens", usage.getAudioInputTokens());
    nonNegative(violations, "cache_audio_read_tokens", usage.getCacheAudioReadTokens());
    nonNegative(violations, "audio_output_tokens", usage.getAudioOutputTokens());
    if (usage.getCacheWrite5mTokens() != null) {
      nonNegative(violations, "cache_write_5m_tokens", usage.getCacheWrite5mTokens());
    }
    if (usage.getCacheWrite1hTokens() != null) {
      nonNegative(violations, "cache_write_1h_tokens", usage.getCacheWrite1hTokens());
    }
    usage
        .getOtherUnits()
        .forEach((name, count) -> nonNegative(violations, "other_units." + name, count));
    long cached = usage.getCacheReadTokens() + usage.getCacheWriteTokens();
    atMost(
        violations,
        "cache_read_tokens + cache_write_tokens",
        cached,
        "input_tokens",
        usage.getInputTokens());
    atMost(
        violations,
        "reasoning_tokens",
        usage.getReasoningTokens(),
        "output_tokens",
        usage.getOutputTokens());
    atMost(
        violations,
        "audio_input_tokens",
        usage.getAudioInputTokens(),
        "input_tokens",
        usage.getInputTokens());
    atMost(
        violations,
        "audio_output_tokens",
        usage.getAudioOutputTokens(),
        "output_tokens",
        usage.getOutputTokens());
    atMost(
        violations,
        "cache_audio_read_tokens",
        usage.getCacheAudioReadTokens(),
        "cache_read_tokens",
        usage.getCacheReadTokens());
    atMost(
        violations,
        "cache_audio_read_tokens",
        usage.getCacheAudioReadTokens(),
        "audio_input_tokens",
        usage.getAudioInputTokens());
    checkSplit(usage, violations);
  }

  private static void checkSplit(TokenUsage usage, List<Violation> violations) {
    Long fiveMinute = usage.getCacheWrite5mTokens();
    Long oneHour = usage.getCacheWrite1hTokens();
    if (fiveMinute != null
        && oneHour != null
        && fiveMinute + oneHour != usage.getCacheWriteTokens()) {
      violations.add(
          new Violation(
              "usage.cache_write_5m_tokens + usage.cache_write_1h_tokens",
              Long.toString(fiveMinute + oneHour),
              "must equal usage.cache_write_tokens = " + usage.getCacheWriteTokens()));
    }
    if (fiveMinute != null) {
      atMost(
          violations,
          "cache_write_5m_tokens",
          fiveMinute,
          "cache_write_tokens",
          usage.getCacheWriteTokens());
    }
    if (oneHour != null) {
      atMost(
          violations,
          "cache_write_1h_tokens",
          oneHour,
          "cache_write_tokens",
          usage.getCacheWriteTokens());
    }
  }

  private static void nonNegative(List<Violation> violations, String field, long value) {
    if (value < 0) {
      violations.add(
          new Violation("usage." + field, Long.toString(value), "counts must not be negative"));
    }
  }

  private static void atMost(
      List<Violation> violations, String part, long partValue, String whole, long wholeValue) {
    if (partValue > wholeValue) {
      violations.add(
          new Violation(
              "usage." + part,
              Long.toString(partValue),
              "is a subset of usage."
                  + whole
                  + " = "
                  + wholeValue
                  + " and cannot exceed it; report "
                  + whole
                  + " including its parts (e.g. Anthropic input = input + cache read + cache write)"));
    }
  }
}
