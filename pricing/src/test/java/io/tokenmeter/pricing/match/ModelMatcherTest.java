package io.tokenmeter.pricing.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelMatcherTest {

  private static final ModelMatcher MATCHER =
      ModelMatcher.builder()
          .add("gpt-4o", List.of("chatgpt-4o"), List.of())
          .add("gpt-4o-mini", List.of(), List.of(NameRule.startsWith("gpt-4o-mini")))
          .add("claude-sonnet-4-5", List.of(), List.of())
          .add("claude-3-haiku", List.of(), List.of(NameRule.startsWith("claude-3-haiku")))
          .add(
              "gemini-2.5-flash", List.of(), List.of(NameRule.regex("^gemini-2\\.5-flash-\\d{3}$")))
          .add("gpt-4o-2024-05-13", List.of(), List.of())
          .build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "gpt-4o,gpt-4o",
    "GPT-4O,gpt-4o",
    "chatgpt-4o,gpt-4o",
    "gpt-4o-2024-08-06,gpt-4o",
    "gpt-4o-2024-05-13,gpt-4o-2024-05-13",
    "openai/gpt-4o,gpt-4o",
    "gpt-4o-mini-2024-07-18,gpt-4o-mini",
    "claude-sonnet-4-5-20250929,claude-sonnet-4-5",
    "claude-sonnet-4-5@20250929,claude-sonnet-4-5",
    "us.anthropic.claude-sonnet-4-5-20250929-v1:0,claude-sonnet-4-5",
    "global.anthropic.claude-sonnet-4-5-20250929-v1:0,claude-sonnet-4-5",
    "anthropic.claude-3-haiku-20240307-v1:0,claude-3-haiku",
    "gemini-2.5-flash-001,gemini-2.5-flash",
    "models/gemini-2.5-flash,gemini-2.5-flash",
  })
  void shouldMatchReportedNamesToCanonicalIds(String reported, String canonical) {
    assertThat(MATCHER.match(reported)).hasValue(canonical);
  }

  @Test
  void shouldNotMatchUnknownModels() {
    assertThat(MATCHER.match("gpt-5")).isEmpty();
    assertThat(MATCHER.match("gemini-2.5-flash-lite")).isEmpty();
  }

  @Test
  void shouldPreferAnExactNameOverAPrefixRule() {
    ModelMatcher matcher =
        ModelMatcher.builder()
            .add("o1", List.of(), List.of(NameRule.startsWith("o1")))
            .add("o1-mini", List.of(), List.of())
            .build();

    assertThat(matcher.match("o1-mini")).hasValue("o1-mini");
    assertThat(matcher.match("o1-preview")).hasValue("o1");
  }

  @Test
  void shouldPreferTheLongerPrefixWhateverTheInsertionOrder() {
    ModelMatcher forward =
        ModelMatcher.builder()
            .add("a", List.of(), List.of(NameRule.startsWith("claude-3")))
            .add("b", List.of(), List.of(NameRule.startsWith("claude-3-5")))
            .build();
    ModelMatcher backward =
        ModelMatcher.builder()
            .add("b", List.of(), List.of(NameRule.startsWith("claude-3-5")))
            .add("a", List.of(), List.of(NameRule.startsWith("claude-3")))
            .build();

    assertThat(forward.match("claude-3-5-x")).hasValue("b");
    assertThat(backward.match("claude-3-5-x")).hasValue("b");
  }
}
