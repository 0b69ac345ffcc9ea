package io.tokenmeter.sdk.estimate;

import java.util.Objects;

/**
 * A number of input tokens and how it was obtained.
 *
 * @param tokens the count, never negative
 * @param method exact tokenizer or labelled approximation
 * @param basis what produced the count, readable (e.g. {@code "o200k_base"} or {@code "o200k_base x
 *     1.30 (claude approximation)"})
 */
public record TokenCount(long tokens, TokenCountMethod method, String basis) {

  public TokenCount {
    if (tokens < 0) {
      throw new IllegalArgumentException("a token count cannot be negative (" + tokens + ")");
    }
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(basis, "basis");
  }

  /** True when the count comes from the model's own tokenizer. */
  public boolean isExact() {
    return method == TokenCountMethod.EXACT_TOKENIZER;
  }
}
