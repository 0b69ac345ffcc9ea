package io.tokenmeter.processor.deadletter;

import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a decoded event against the usage contract (TokenUsage's subset rules, required identity
 * fields). An event that breaks it cannot be priced correctly, so it goes to dead letters rather
 * than into totals.
 */
public final class UsageValidator {

  private UsageValidator() {}

  /** Every rule the event breaks, in words a producer can act on; empty when it is valid. */
  public static List<String> violations(UsageEvent event) {
    List<String> problems = new ArrayList<>();
    requireText(problems, "event_id", event.getEventId());
    requireText(problems, "tenant_id", event.getTenantId());
    requireText(problems, "provider", event.getProvider());
    requireText(problems, "model", event.getModel());
    if (event.getEventTime() == null || event.getEventTime().toEpochMilli() <= 0) {
      problems.add("event_time must be after 1970-01-01T00:00:00Z");
    }
    if (event.getLatencyMs() != null && event.getLatencyMs() < 0) {
      problems.add("latency_ms " + event.getLatencyMs() + " is negative");
    }
    TokenUsage usage = event.getUsage();
    if (usage == null) {
      problems.add("usage is missing");
      return problems;
    }
    checkCounts(problems, usage);
    if (problems.isEmpty()) {
      checkSubsets(problems, usage);
    }
    return problems;
  }

  private static void requireText(List<String> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is empty");
    }
  }

  private static void checkCounts(List<String> problems, TokenUsage usage) {
    nonNegative(problems, "input_tokens", usage.getInputTokens());
    nonNegative(problems, "cache_read_tokens", usage.getCacheReadTokens());
    nonNegative(problems, "cache_write_tokens", usage.getCacheWriteTokens());
    nonNegative(problems, "cache_write_5m_tokens", usage.getCacheWrite5mTokens());
    nonNegative(problems, "cache_write_1h_tokens", usage.getCacheWrite1hTokens());
    nonNegative(problems, "output_tokens", usage.getOutputTokens());
    nonNegative(problems, "reasoning_tokens", usage.getReasoningTokens());
    nonNegative(problems, "audio_input_tokens", usage.getAudioInputTokens());
    nonNegative(problems, "cache_audio_read_tokens", usage.getCacheAudioReadTokens());
    nonNegative(problems, "audio_output_tokens", usage.getAudioOutputTokens());
    for (Map.Entry<String, Long> unit : usage.getOtherUnits().entrySet()) {
      nonNegative(problems, "other_units." + unit.getKey(), unit.getValue());
    }
  }

  private static void nonNegative(List<String> problems, String field, Long value) {
    if (value != null && value < 0) {
      problems.add(field + " is " + value + "; counts are never negative");
    }
  }

  private static void checkSubsets(List<String> problems, TokenUsage usage) {
    long cacheTotal = usage.getCacheReadTokens() + usage.getCacheWriteTokens();
    subset(problems, "cache_read_tokens + cache_write_tokens", cacheTotal, usage, true);
    subset(problems, "audio_input_tokens", usage.getAudioInputTokens(), usage, true);
    subset(problems, "reasoning_tokens", usage.getReasoningTokens(), usage, false);
    subset(problems, "audio_output_tokens", usage.getAudioOutputTokens(), usage, false);
    if (usage.getCacheAudioReadTokens() > usage.getAudioInputTokens()
        || usage.getCacheAudioReadTokens() > usage.getCacheReadTokens()) {
      problems.add(
          "cache_audio_read_tokens "
              + usage.getCacheAudioReadTokens()
              + " exceeds audio_input_tokens or cache_read_tokens (it is a subset of both)");
    }
    checkCacheWriteSplit(problems, usage);
  }

  private static void subset(
      List<String> problems, String part, long value, TokenUsage usage, boolean ofInput) {
    long whole = ofInput ? usage.getInputTokens() : usage.getOutputTokens();
    if (value > whole) {
      String wholeName = ofInput ? "input_tokens" : "output_tokens";
      problems.add(
          part
              + " = "
              + value
              + " exceeds "
              + wholeName
              + " = "
              + whole
              + "; "
              + wholeName
              + " must include them (see TokenUsage)");
    }
  }

  private static void checkCacheWriteSplit(List<String> problems, TokenUsage usage) {
    Long fiveMinutes = usage.getCacheWrite5mTokens();
    Long oneHour = usage.getCacheWrite1hTokens();
    long writes = usage.getCacheWriteTokens();
    if ((fiveMinutes != null && fiveMinutes > writes) || (oneHour != null && oneHour > writes)) {
      problems.add("a cache write split field exceeds cache_write_tokens = " + writes);
    } else if (fiveMinutes != null && oneHour != null && fiveMinutes + oneHour != writes) {
      problems.add(
          "cache_write_5m_tokens + cache_write_1h_tokens = "
              + (fiveMinutes + oneHour)
              + " differs from cache_write_tokens = "
              + writes);
    }
  }
}
