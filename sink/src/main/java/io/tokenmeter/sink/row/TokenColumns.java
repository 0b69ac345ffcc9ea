package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.TokenUsage;
import java.util.List;
import java.util.Map;

/** The token-count columns shared by usage and aggregate tables. */
final class TokenColumns {

  static final List<String> NAMES =
      List.of(
          "input_tokens",
          "cache_read_tokens",
          "cache_write_tokens",
          "cache_write_5m_tokens",
          "cache_write_1h_tokens",
          "output_tokens",
          "reasoning_tokens",
          "audio_input_tokens",
          "cache_audio_read_tokens",
          "audio_output_tokens",
          "other_units");

  private TokenColumns() {}

  static void append(List<Object> row, TokenUsage usage) {
    row.add(usage.getInputTokens());
    row.add(usage.getCacheReadTokens());
    row.add(usage.getCacheWriteTokens());
    row.add(usage.getCacheWrite5mTokens());
    row.add(usage.getCacheWrite1hTokens());
    row.add(usage.getOutputTokens());
    row.add(usage.getReasoningTokens());
    row.add(usage.getAudioInputTokens());
    row.add(usage.getCacheAudioReadTokens());
    row.add(usage.getAudioOutputTokens());
    row.add(Map.copyOf(usage.getOtherUnits()));
  }
}
