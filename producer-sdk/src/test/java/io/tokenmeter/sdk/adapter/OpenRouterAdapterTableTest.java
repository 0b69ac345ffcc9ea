package io.tokenmeter.sdk.adapter;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: every file under {@code responses/openrouter/} must normalize exactly as it
 * expects.
 */
class OpenRouterAdapterTableTest {

  static Stream<ResponseCase> cases() {
    return ResponseCase.load("openrouter");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldNormalizeDocumentedResponseExactly(ResponseCase responseCase) {
    responseCase.assertMatches(responseCase.extract());
  }
}
