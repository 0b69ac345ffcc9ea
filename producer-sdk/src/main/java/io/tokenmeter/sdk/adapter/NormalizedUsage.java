package io.tokenmeter.sdk.adapter;

import io.tokenmeter.schema.v1.TokenUsage;
import java.util.Map;
import java.util.TreeMap;

/**
 * Billable units of one call in the contract's single meaning: {@code inputTokens} INCLUDES cache
 * reads, cache writes and audio input; {@code outputTokens} INCLUDES reasoning and audio output;
 * every other count is a subset of one of them. Adapters translate each provider's own accounting
 * into this shape so nothing downstream has to know which provider double-counts what.
 *
 * @param cacheWrite5mTokens null when the provider does not split cache writes by time to live
 * @param cacheWrite1hTokens null when the provider does not split cache writes by time to live
 * @param otherUnits non-token units such as {@code web_search_calls}; never a subset of tokens
 */
public record NormalizedUsage(
    long inputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    Long cacheWrite5mTokens,
    Long cacheWrite1hTokens,
    long outputTokens,
    long reasoningTokens,
    long audioInputTokens,
    long cacheAudioReadTokens,
    long audioOutputTokens,
    Map<String, Long> otherUnits) {

  /** Well-known other-unit name for server-side web searches (Anthropic, OpenAI Responses). */
  public static final String WEB_SEARCH_CALLS = "web_search_calls";

  /** Nothing known: the value carried by an incomplete extraction. */
  public static final NormalizedUsage NONE = builder().build();

  public NormalizedUsage {
    otherUnits = Map.copyOf(otherUnits == null ? Map.of() : otherUnits);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The Avro contract record with the same counts. */
  public TokenUsage toTokenUsage() {
    return TokenUsage.newBuilder()
        .setInputTokens(inputTokens)
        .setCacheReadTokens(cacheReadTokens)
        .setCacheWriteTokens(cacheWriteTokens)
        .setCacheWrite5mTokens(cacheWrite5mTokens)
        .setCacheWrite1hTokens(cacheWrite1hTokens)
        .setOutputTokens(outputTokens)
        .setReasoningTokens(reasoningTokens)
        .setAudioInputTokens(audioInputTokens)
        .setCacheAudioReadTokens(cacheAudioReadTokens)
        .setAudioOutputTokens(audioOutputTokens)
        .setOtherUnits(new TreeMap<>(otherUnits))
        .build();
  }

  /** Mutable builder; every count starts at zero and both cache-write splits start unknown. */
  public static final class Builder {
    private long inputTokens;
    private long cacheReadTokens;
    private long cacheWriteTokens;
    private Long cacheWrite5mTokens;
    private Long cacheWrite1hTokens;
    private long outputTokens;
    private long reasoningTokens;
    private long audioInputTokens;
    private long cacheAudioReadTokens;
    private long audioOutputTokens;
    private final Map<String, Long> otherUnits = new TreeMap<>();

    private Builder() {}

    public Builder inputTokens(long value) {
      this.inputTokens = value;
      return this;
    }

    public Builder cacheReadTokens(long value) {
      this.cacheReadTokens = value;
      return this;
    }

    public Builder cacheWriteTokens(long value) {
      this.cacheWriteTokens = value;
      return this;
    }

    public Builder cacheWriteSplit(Long fiveMinute, Long oneHour) {
      this.cacheWrite5mTokens = fiveMinute;
      this.cacheWrite1hTokens = oneHour;
      return this;
    }

    public Builder outputTokens(long value) {
      this.outputTokens = value;
      return this;
    }

    public Builder reasoningTokens(long value) {
      this.reasoningTokens = value;
      return this;
    }

    public Builder audioInputTokens(long value) {
      this.audioInputTokens = value;
      return this;
    }

    public Builder cacheAudioReadTokens(long value) {
      this.cacheAudioReadTokens = value;
      return this;
    }

    public Builder audioOutputTokens(long value) {
      this.audioOutputTokens = value;
      return this;
    }

    /** Records a non-token unit; a zero count is left out so empty maps stay empty. */
    public Builder otherUnit(String name, long count) {
      if (count != 0) {
        otherUnits.put(name, count);
      }
      return this;
    }

    public NormalizedUsage build() {
      return new NormalizedUsage(
          inputTokens,
          cacheReadTokens,
          cacheWriteTokens,
          cacheWrite5mTokens,
          cacheWrite1hTokens,
          outputTokens,
          reasoningTokens,
          audioInputTokens,
          cacheAudioReadTokens,
          audioOutputTokens,
          otherUnits);
    }
  }
}
