package io.tokenmeter.sdk.estimate;

import java.util.List;

/**
 * Counts the input tokens of a request before it is sent. The seam of the estimate: {@link
 * DefaultTokenCounter} counts OpenAI encodings exactly and approximates the rest; plug in your own
 * (for example one that calls a provider's count-tokens endpoint) through {@link
 * CostEstimator.Builder#tokenCounter}. Implementations must be thread-safe.
 */
public interface TokenCounter {

  /**
   * Tokens of a plain prompt (completions, embeddings, a single user turn without chat framing).
   */
  TokenCount countPrompt(String model, String prompt);

  /** Tokens of a chat request: message contents plus the chat format's framing tokens. */
  TokenCount countMessages(String model, List<ChatMessage> messages);
}
