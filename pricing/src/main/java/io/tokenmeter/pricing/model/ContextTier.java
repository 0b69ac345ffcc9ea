package io.tokenmeter.pricing.model;

import java.util.Objects;

/**
 * A long-context tier: once a request's input tokens are strictly more than {@code
 * thresholdInputTokens}, the whole request is billed at {@code rates}.
 */
public record ContextTier(long thresholdInputTokens, UnitRates rates) {

  public ContextTier {
    if (thresholdInputTokens < 0) {
      throw new IllegalArgumentException(
          "long-context threshold is negative (" + thresholdInputTokens + "); use a token count");
    }
    Objects.requireNonNull(rates, "rates of a long-context tier");
  }
}
