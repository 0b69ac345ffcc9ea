package io.tokenmeter.sdk.estimate;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The tokens OpenAI's chat format adds around messages, as OpenAI documents them in the cookbook
 * "How to count tokens with tiktoken" (github.com/openai/openai-cookbook,
 * examples/How_to_count_tokens_with_tiktoken.ipynb, section 6) for gpt-3.5-turbo-0125, gpt-4,
 * gpt-4o and gpt-4o-mini: each message costs 3 tokens of framing ({@code
 * <|start|>role<|message|>...<|end|>}) plus its role, content and name; a name costs 1 more; the
 * reply is primed with {@code <|start|>assistant<|message|>}, 3 tokens. The cookbook checked this
 * against the API's {@code prompt_tokens} (129 with cl100k_base, 124 with o200k_base on its
 * six-message example, a test case here). Tools and images add tokens this does not count.
 */
final class OpenAiChatFraming {

  static final int TOKENS_PER_MESSAGE = 3;
  static final int TOKENS_PER_NAME = 1;
  static final int REPLY_PRIMING_TOKENS = 3;

  private OpenAiChatFraming() {}

  /** Framed token count of {@code messages}, each text counted by {@code textTokens}. */
  static long count(List<ChatMessage> messages, ToLongFunction<String> textTokens) {
    if (messages == null || messages.isEmpty()) {
      throw new IllegalArgumentException(
          "a chat request needs at least one message; use countPrompt for a bare prompt");
    }
    long total = REPLY_PRIMING_TOKENS;
    for (ChatMessage message : messages) {
      total += TOKENS_PER_MESSAGE;
      total += textTokens.applyAsLong(message.role());
      total += textTokens.applyAsLong(message.content());
      if (message.name() != null) {
        total += textTokens.applyAsLong(message.name()) + TOKENS_PER_NAME;
      }
    }
    return total;
  }
}
