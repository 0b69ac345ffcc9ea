package io.tokenmeter.pricing.cost;

import io.tokenmeter.schema.v1.TokenUsage;
import java.util.Map;

/**
 * The disjoint token counts of one call, derived from {@link TokenUsage} where totals include their
 * parts (input includes cache reads, cache writes and audio; output includes reasoning and audio).
 * Each billed token lands in exactly one count, so nothing is counted twice.
 *
 * <p>Cache-write split: {@code cache_write_1h_tokens} (null = 0) are 1-hour writes; every other
 * cache write, including all writes when the split is unknown, is a 5-minute write, as the contract
 * says.
 */
record UsageCounts(
    long inputTokens,
    long uncachedText,
    long cacheReadText,
    long cacheAudioRead,
    long cacheWrite5m,
    long cacheWrite1h,
    long uncachedAudio,
    long outputTokens,
    long reasoning,
    long audioOutput,
    Map<String, Long> otherUnits) {

  static UsageCounts of(TokenUsage usage) {
    long input = nonNegative(usage.getInputTokens(), "input_tokens");
    long cacheRead = nonNegative(usage.getCacheReadTokens(), "cache_read_tokens");
    long cacheWrite = nonNegative(usage.getCacheWriteTokens(), "cache_write_tokens");
    long audioInput = nonNegative(usage.getAudioInputTokens(), "audio_input_tokens");
    long cacheAudioRead = nonNegative(usage.getCacheAudioReadTokens(), "cache_audio_read_tokens");
    long output = nonNegative(usage.getOutputTokens(), "output_tokens");
    long reasoning = nonNegative(usage.getReasoningTokens(), "reasoning_tokens");
    long audioOutput = nonNegative(usage.getAudioOutputTokens(), "audio_output_tokens");
    long write1h = usage.getCacheWrite1hTokens() == null ? 0 : usage.getCacheWrite1hTokens();
    nonNegative(write1h, "cache_write_1h_tokens");
    require(write1h <= cacheWrite, "cache_write_1h_tokens exceeds cache_write_tokens");
    Long write5mReported = usage.getCacheWrite5mTokens();
    if (write5mReported != null) {
      nonNegative(write5mReported, "cache_write_5m_tokens");
      boolean bothSplit = usage.getCacheWrite1hTokens() != null;
      require(
          bothSplit ? write5mReported + write1h == cacheWrite : write5mReported <= cacheWrite,
          "cache_write_5m_tokens + cache_write_1h_tokens must equal cache_write_tokens");
    }
    require(cacheRead + cacheWrite <= input, "cache reads + cache writes exceed input_tokens");
    require(cacheAudioRead <= audioInput, "cache_audio_read_tokens exceeds audio_input_tokens");
    require(cacheAudioRead <= cacheRead, "cache_audio_read_tokens exceeds cache_read_tokens");
    long uncachedAudio = audioInput - cacheAudioRead;
    long uncachedText = input - cacheRead - cacheWrite - uncachedAudio;
    require(uncachedText >= 0, "audio input + cache reads + cache writes exceed input_tokens");
    require(reasoning + audioOutput <= output, "reasoning + audio output exceed output_tokens");
    usage.getOtherUnits().forEach((name, count) -> nonNegative(count, "other_units." + name));
    return new UsageCounts(
        input,
        uncachedText,
        cacheRead - cacheAudioRead,
        cacheAudioRead,
        cacheWrite - write1h,
        write1h,
        uncachedAudio,
        output,
        reasoning,
        audioOutput,
        Map.copyOf(usage.getOtherUnits()));
  }

  private static long nonNegative(long count, String field) {
    require(count >= 0, field + " is negative (" + count + ")");
    return count;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new InvalidUsageException("invalid usage: " + message);
    }
  }
}
