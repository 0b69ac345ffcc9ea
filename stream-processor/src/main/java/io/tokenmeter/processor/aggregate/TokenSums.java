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

  /** Adds {@code one} to {@code sum} in place. */
  public static void addTo(TokenUsage sum, TokenUsage one) {
    if (!one.getOtherUnits().isEmpty()) {
      Map<String, Long> units = new HashMap<>(sum.getOtherUnits());
      one.getOtherUnits().forEach((name, count) -> units.merge(name, count, Math::addExact));
      sum.setOtherUnits(units);
    }
    sum.setInputTokens(Math.addExact(sum.getInputTokens(), one.getInputTokens()));
    sum.setCacheReadTokens(Math.addExact(sum.getCacheReadTokens(), one.getCacheReadTokens()));
    sum.setCacheWriteTokens(Math.addExact(sum.getCacheWriteTokens(), one.getCacheWriteTokens()));
    sum.setCacheWrite5mTokens(
        addReported(sum.getCacheWrite5mTokens(), one.getCacheWrite5mTokens()));
    sum.setCacheWrite1hTokens(
        addReported(sum.getCacheWrite1hTokens(), one.getCacheWrite1hTokens()));
    sum.setOutputTokens(Math.addExact(sum.getOutputTokens(), one.getOutputTokens()));
    sum.setReasoningTokens(Math.addExact(sum.getReasoningTokens(), one.getReasoningTokens()));
    sum.setAudioInputTokens(Math.addExact(sum.getAudioInputTokens(), one.getAudioInputTokens()));
    sum.setCacheAudioReadTokens(
        Math.addExact(sum.getCacheAudioReadTokens(), one.getCacheAudioReadTokens()));
    sum.setAudioOutputTokens(Math.addExact(sum.getAudioOutputTokens(), one.getAudioOutputTokens()));
  }

  /** Split fields sum only the events that reported them; null stays null until one does. */
  private static Long addReported(Long sum, Long one) {
    if (one == null) {
      return sum;
    }
    return sum == null ? one : Math.addExact(sum, one);
  }
}
