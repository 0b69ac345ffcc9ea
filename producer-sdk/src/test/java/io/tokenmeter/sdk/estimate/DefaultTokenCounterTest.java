package io.tokenmeter.sdk.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected counts are OpenAI's published ones: the cookbook "How to count tokens with tiktoken"
 * (openai/openai-cookbook, examples/How_to_count_tokens_with_tiktoken.ipynb) lists the tokens of
 * these strings for cl100k_base and o200k_base, and the prompt_tokens the API reported for its
 * six-message chat example (129 for gpt-4, 124 for gpt-4o and gpt-4o-mini).
 */
class DefaultTokenCounterTest {

  private static final DefaultTokenCounter COUNTER = new DefaultTokenCounter();

  /** The cookbook's chat example, verbatim. */
  static final List<ChatMessage> COOKBOOK_MESSAGES =
      List.of(
          ChatMessage.system(
              "You are a helpful, pattern-following assistant that translates corporate jargon"
                  + " into plain English."),
          ChatMessage.system("New synergies will help drive top-line growth.")
              .withName("example_user"),
          ChatMessage.system("Things working well together will increase revenue.")
              .withName("example_assistant"),
          ChatMessage.system(
                  "Let's circle back when we have more bandwidth to touch base on opportunities"
                      + " for increased leverage.")
              .withName("example_user"),
          ChatMessage.system("Let's talk later when we're less busy about how to do better.")
              .withName("example_assistant"),
          ChatMessage.user(
              "This late pivot means we don't have time to boil the ocean for the client"
                  + " deliverable."));

  @ParameterizedTest(name = "{0}: \"{1}\" = {2}")
  @CsvSource({
    "gpt-4, tiktoken is great!, 6",
    "gpt-4, antidisestablishmentarianism, 6",
    "gpt-4, 2 + 2 = 4, 7",
    "gpt-4, お誕生日おめでとう, 9",
    "gpt-4o, tiktoken is great!, 6",
    "gpt-4o, antidisestablishmentarianism, 6",
    "gpt-4o, 2 + 2 = 4, 7",
    "gpt-4o, お誕生日おめでとう, 8",
  })
  void shouldCountOpenAiPromptsExactlyAsTheCookbookDoes(String model, String text, long tokens) {
    TokenCount count = COUNTER.countPrompt(model, text);

    assertThat(count.tokens()).isEqualTo(tokens);
    assertThat(count.method()).isEqualTo(TokenCountMethod.EXACT_TOKENIZER);
  }

  @Test
  void shouldNameTheEncodingThatCounted() {
    assertThat(COUNTER.countPrompt("gpt-4", "x").basis()).isEqualTo("cl100k_base");
    assertThat(COUNTER.countPrompt("gpt-4o", "x").basis()).isEqualTo("o200k_base");
  }

  @Test
  void shouldCountChatMessagesAsTheApiReportedForGpt4() {
    TokenCount count = COUNTER.countMessages("gpt-4", COOKBOOK_MESSAGES);

    assertThat(count.tokens()).isEqualTo(129);
    assertThat(count.isExact()).isTrue();
    assertThat(count.basis()).isEqualTo("cl100k_base + OpenAI chat framing");
  }

  @Test
  void shouldCountChatMessagesAsTheApiReportedForGpt4o() {
    assertThat(COUNTER.countMessages("gpt-4o", COOKBOOK_MESSAGES).tokens()).isEqualTo(124);
    assertThat(COUNTER.countMessages("gpt-4o-mini", COOKBOOK_MESSAGES).tokens()).isEqualTo(124);
  }

  @Test
  void shouldAddFramingPerMessageAndNameAndReplyPriming() {
    // "user" and "hi" are one token each in o200k_base: 3 priming + (3 + 1 + 1).
    assertThat(COUNTER.countMessages("gpt-4o", List.of(ChatMessage.user("hi"))).tokens())
        .isEqualTo(8);
    // A name adds its own tokens ("bob": 1) plus 1.
    assertThat(
            COUNTER
                .countMessages("gpt-4o", List.of(ChatMessage.user("hi").withName("bob")))
                .tokens())
        .isEqualTo(10);
  }

  @Test
  void shouldCountSpecialTokenTextAsOrdinaryText() {
    // The API treats "<|endoftext|>" in user text as plain characters: 7 ordinary tokens.
    assertThat(COUNTER.countPrompt("gpt-4o", "<|endoftext|>").tokens()).isEqualTo(7);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // o200k_base counts 6 for "tiktoken is great!": ceil(6 x factor).
    "claude-sonnet-4-5, 8, 1.30",
    "anthropic.claude-3-5-sonnet-20240620-v1:0, 8, 1.30",
    "gemini-2.5-pro, 7, 1.10",
    "gemma-3-27b-it, 7, 1.10",
    "mistral-large-latest, 8, 1.20",
  })
  void shouldLabelOtherModelsAsApproximations(String model, long tokens, String factor) {
    TokenCount count = COUNTER.countPrompt(model, "tiktoken is great!");

    assertThat(count.tokens()).isEqualTo(tokens);
    assertThat(count.method()).isEqualTo(TokenCountMethod.APPROXIMATION);
    assertThat(count.isExact()).isFalse();
    assertThat(count.basis()).startsWith("o200k_base x " + factor + " (");
  }

  @Test
  void shouldApplyTheFactorToTheFramedChatTotal() {
    // 124 framed o200k tokens x 1.30 = 161.2 -> 162.
    TokenCount count = COUNTER.countMessages("claude-opus-4-1", COOKBOOK_MESSAGES);

    assertThat(count.tokens()).isEqualTo(162);
    assertThat(count.basis()).startsWith("o200k_base + OpenAI chat framing x 1.30");
  }

  @Test
  void shouldUseCallerFactorsAndFallBackToAnyOther() {
    DefaultTokenCounter counter =
        new DefaultTokenCounter(
            List.of(new ApproximationFactor("llama", new BigDecimal("2"), "test factor")));

    assertThat(counter.countPrompt("llama-3.3-70b", "tiktoken is great!").tokens()).isEqualTo(12);
    assertThat(counter.countPrompt("claude-sonnet-4-5", "tiktoken is great!").basis())
        .contains("x 1.20");
  }

  @Test
  void shouldCountAnEmptyPromptAsZero() {
    assertThat(COUNTER.countPrompt("gpt-4o", "").tokens()).isZero();
  }

  @Test
  void shouldRejectMissingInputsWithAHint() {
    assertThatThrownBy(() -> COUNTER.countMessages("gpt-4o", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one message");
    assertThatThrownBy(() -> COUNTER.countPrompt("gpt-4o", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prompt is null");
    assertThatThrownBy(() -> COUNTER.countPrompt(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model name");
    assertThatThrownBy(() -> new ApproximationFactor("x", BigDecimal.ZERO, "none"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
  }
}
