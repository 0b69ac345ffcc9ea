package io.tokenmeter.sdk.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiEncodingsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "gpt-4o, O200K_BASE",
    "gpt-4o-mini, O200K_BASE",
    "gpt-4o-2024-08-06, O200K_BASE",
    "chatgpt-4o-latest, O200K_BASE",
    "gpt-4.1, O200K_BASE",
    "gpt-4.1-nano, O200K_BASE",
    "gpt-4.5-preview, O200K_BASE",
    "gpt-5, O200K_BASE",
    "gpt-5-mini, O200K_BASE",
    "gpt-5.1, O200K_BASE",
    "o1, O200K_BASE",
    "o1-mini, O200K_BASE",
    "o3, O200K_BASE",
    "o3-mini-2025-01-31, O200K_BASE",
    "o4-mini, O200K_BASE",
    "codex-mini-latest, O200K_BASE",
    "gpt-4, CL100K_BASE",
    "gpt-4-0613, CL100K_BASE",
    "gpt-4-turbo, CL100K_BASE",
    "gpt-4-32k, CL100K_BASE",
    "gpt-3.5-turbo, CL100K_BASE",
    "gpt-3.5-turbo-0125, CL100K_BASE",
    "gpt-35-turbo, CL100K_BASE",
    "text-embedding-3-small, CL100K_BASE",
    "text-embedding-3-large, CL100K_BASE",
    "text-embedding-ada-002, CL100K_BASE",
    "davinci-002, CL100K_BASE",
    // As providers write them: routing prefix, upper case, fine-tune wrapper.
    "openai/gpt-4o, O200K_BASE",
    "GPT-4O, O200K_BASE",
    "' gpt-4 ', CL100K_BASE",
    "ft:gpt-4o-mini-2024-07-18:acme::abc123, O200K_BASE",
    "ft:gpt-3.5-turbo-0125:acme:custom:xyz, CL100K_BASE",
  })
  void shouldMapOpenAiModelsToTheirEncoding(String model, EncodingType expected) {
    assertThat(OpenAiEncodings.forModel(model)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "claude-sonnet-4-5",
        "anthropic.claude-3-5-sonnet-20240620-v1:0",
        "gemini-2.5-pro",
        "mistral-large-latest",
        "gpt-4oo",
        "o2",
        "deepseek-chat",
        ""
      })
  void shouldNotClaimAnEncodingForOtherModels(String model) {
    assertThat(OpenAiEncodings.forModel(model)).isEmpty();
  }
}
