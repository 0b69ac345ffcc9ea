package io.tokenmeter.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void shouldNumberStepsAndShowSecondsWithOneDecimal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 7);

    progress.done("ClickHouse ready", Duration.ofMillis(812));
    progress.done("Kafka ready", Duration.ofMillis(3_050));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "[1/7] ClickHouse ready in 0.8 s"
                + System.lineSeparator()
                + "[2/7] Kafka ready in 3.1 s"
                + System.lineSeparator());
  }
}
