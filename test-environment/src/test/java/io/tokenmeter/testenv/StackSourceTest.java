package io.tokenmeter.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class StackSourceTest {

  @Test
  void shouldParseNamesCaseInsensitivelyAndLocaleSafely() {
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      assertThat(StackSource.parse("embedded")).isEqualTo(StackSource.EMBEDDED);
      assertThat(StackSource.parse(" External ")).isEqualTo(StackSource.EXTERNAL);
      assertThat(StackSource.parse("containers")).isEqualTo(StackSource.CONTAINERS);
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void shouldNameTheAllowedSourcesWhenTheNameIsUnknown() {
    assertThatThrownBy(() -> StackSource.parse("docker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'docker'")
        .hasMessageContaining("embedded, external, containers")
        .hasMessageContaining(StackSource.PROPERTY);
  }
}
