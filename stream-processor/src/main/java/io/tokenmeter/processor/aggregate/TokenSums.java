package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.TokenUsage;
import java.util.HashMap;
import java.util.Map;

/** Sums of token counts, field by field, with the rules of {@code WindowedAggregate.tokens}. */
public final class TokenSums {
  private TokenSums() {}

  public static TokenUsage zero() {
    return TokenUsage.newBuilder()
        .setInputTokens(0)
        .setOutputTokens(0)
        .setCacheWrite5mTokens(null)
        .setCacheWrite1hTokens(null)
        .build();
  }

  /** A new {@code TokenUsage}: {@code sum} plus {@code one}, field by field (neither changes). */
  public static TokenUsage plus(TokenUsage sum, TokenUsage one) {
    TokenUsage result = new TokenUsage();
    Map<String, Long> units = sum.getOtherUnits();
    if (!one.getOtherUnits().isEmpty()) {
      Map<String, Long> merged = new HashMap<>(units);
      one.getOtherUnits().forEach((name, count) -> merged.merge(name, count, Math::addExact));
      units = merged;
    }
    result.setOtherUnits(units);
    result.setInputTokens(Math.addExact(sum.getInputTokens(), one.getInputTokens()));
    result.setCacheReadTokens(Math.addExact(sum.getCacheReadTokens(), one.getCacheReadTokens()));
    result.setCacheWriteTokens(Math.addExact(sum.getCacheWriteTokens(), one.getCacheWriteTokens()));
    result.setCacheWrite5mTokens(
        addReported(sum.getCacheWrite5mTokens(), one.getCacheWrite5mTokens()));
    result.setCacheWrite1hTokens(
        addReported(sum.getCacheWrite1hTokens(), one.getCacheWrite1hTokens()));
    result.setOutputTokens(Math.addExact(sum.getOutputTokens(), one.getOutputTokens()));
    result.setReasoningTokens(Math.addExact(sum.getReasoningTokens(), one.getReasoningTokens()));
    result.setAudioInputTokens(Math.addExact(sum.getAudioInputTokens(), one.getAudioInputTokens()));
    result.setCacheAudioReadTokens(
        Math.addExact(sum.getCacheAudioReadTokens(), one.getCacheAudioReadTokens()));
    result.setAudioOutputTokens(
        Math.addExact(sum.getAudioOutputTokens(), one.getAudioOutputTokens()));
    return result;
  }

  /** Split fields sum only the events that reported them; null stays null until one does. */
  private static Long addReported(Long sum, Long one) {
    if (one == null) {
      return sum;
    }
    return sum == null ? one : Math.addExact(sum, one);
  }
}
