package io.tokenmeter.sdk.adapter;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: every file under {@code responses/openai/} must normalize exactly as it expects.
 */
class OpenAiAdapterTableTest {

  static Stream<ResponseCase> cases() {
    return ResponseCase.load("openai");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldNormalizeDocumentedResponseExactly(ResponseCase responseCase) {
    responseCase.assertMatches(responseCase.extract());
  }
}
