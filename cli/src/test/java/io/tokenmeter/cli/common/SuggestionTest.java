package io.tokenmeter.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest {
  private static final List<String> KEYS = List.of("limit_usd", "thresholds", "time_zone", "tag");

  @Test
  void shouldSuggestTheClosestNameForATypo() {
    assertThat(Suggestion.closest("limt_usd", KEYS)).contains("limit_usd");
    assertThat(Suggestion.closest("treshold", KEYS)).contains("thresholds"); // two edits
    assertThat(Suggestion.closest("zone", KEYS)).isEmpty(); // five edits: not a typo
    assertThat(Suggestion.closest("Time_Zone", KEYS)).contains("time_zone");
  }

  @Test
  void shouldSuggestNothingForAnUnrelatedWord() {
    assertThat(Suggestion.closest("owner", KEYS)).isEmpty();
  }

  @Test
  void shouldCountEdits() {
    assertThat(Suggestion.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestion.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestion.distance("same", "same")).isZero();
  }
}
