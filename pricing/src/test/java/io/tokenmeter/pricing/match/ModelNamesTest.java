package io.tokenmeter.pricing.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelNamesTest {

  @ParameterizedTest(name = "{0} -> tries {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gpt-4o|gpt-4o",
        "  GPT-4o  |gpt-4o",
        "gpt-4o-2024-08-06|gpt-4o-2024-08-06,gpt-4o",
        "claude-sonnet-4-5-20250929|claude-sonnet-4-5-20250929,claude-sonnet-4-5-2025-09-29,"
            + "claude-sonnet-4-5",
        "claude-sonnet-4-5@20250929|claude-sonnet-4-5@20250929,claude-sonnet-4-5",
        "openai/gpt-4o|openai/gpt-4o,gpt-4o",
        "models/gemini-2.5-pro|models/gemini-2.5-pro,gemini-2.5-pro",
        "anthropic.claude-3-haiku-20240307-v1:0|anthropic.claude-3-haiku-20240307-v1:0,"
            + "claude-3-haiku-20240307-v1:0,claude-3-haiku-20240307,claude-3-haiku-2024-03-07,"
            + "claude-3-haiku",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0|us.anthropic.claude-sonnet-4-5-20250929-v1:0,"
            + "anthropic.claude-sonnet-4-5-20250929-v1:0,claude-sonnet-4-5-20250929-v1:0,claude-sonnet-4-5-20250929,"
            + "claude-sonnet-4-5-2025-09-29,claude-sonnet-4-5",
        "global.anthropic.claude-opus-4-5-v1:0|global.anthropic.claude-opus-4-5-v1:0,"
            + "anthropic.claude-opus-4-5-v1:0,claude-opus-4-5-v1:0,claude-opus-4-5",
        "gpt-4.1-mini|gpt-4.1-mini",
        "gpt-3.5-turbo-0125|gpt-3.5-turbo-0125",
        "mistral-large-2407|mistral-large-2407",
      })
  void shouldTryNamesFromMostToLeastSpecific(String reported, String expected) {
    assertThat(ModelNames.candidates(reported)).containsExactly(expected.split(","));
  }

  @Test
  void shouldNotStripAnImpossibleDate() {
    assertThat(ModelNames.candidates("model-20251399")).containsExactly("model-20251399");
  }

  @Test
  void shouldNormalizeTheSameUnderATurkishDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      // Locale-sensitive lower-casing would turn this I into a dotless i.
      assertThat(ModelNames.normalize("GEMINI-PRO")).isEqualTo("gemini-pro");
      assertThat(ModelNames.candidates("CLAUDE-SONNET-4-5-20250929")).contains("claude-sonnet-4-5");
      assertThat(ProviderIds.canonical("GEMINI")).isEqualTo("google");
    } finally {
      Locale.setDefault(saved);
    }
  }
}
