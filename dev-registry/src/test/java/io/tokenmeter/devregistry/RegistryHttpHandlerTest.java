package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryHttpHandlerTest {
  @Test
  void shouldPercentDecodeSegmentsButKeepLiteralPlus() {
    assertThat(RegistryHttpHandler.pathSegments("/subjects/a%2Fb+c%20d/versions/"))
        .containsExactly("subjects", "a/b+c d", "versions");
    assertThat(RegistryHttpHandler.pathSegments("/")).isEmpty();
  }
}
