package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainArgumentsTest {

  @Test
  void shouldParseTheDocumentedOptions() {
    MainArguments arguments =
        MainArguments.parse(
            "--data-dir",
            "/var/kafka",
            "--port",
            "0",
            "--partitions",
            "3",
            "--broker-property",
            "log.retention.ms=60000",
            "--host",
            "localhost");

    EmbeddedKafkaSettings settings = arguments.toBuilder().settings();
    assertThat(settings.dataDir()).contains(Path.of("/var/kafka"));
    assertThat(settings.deleteDataDirOnClose()).isFalse();
    assertThat(settings.port()).isZero();
    assertThat(settings.defaultPartitions()).isEqualTo(3);
    assertThat(settings.host()).isEqualTo("localhost");
    assertThat(settings.brokerProperties()).isEqualTo(Map.of("log.retention.ms", "60000"));
  }

  @Test
  void shouldDefaultToPort9092AndATemporaryDirectory() {
    EmbeddedKafkaSettings settings = MainArguments.parse().toBuilder().settings();

    assertThat(settings.port()).isEqualTo(9092);
    assertThat(settings.dataDir()).isEmpty();
  }

  @Test
  void shouldExplainWhatIsWrongWithBadArguments() {
    assertThatThrownBy(() -> MainArguments.parse("--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> MainArguments.parse("--port", "ninety"))
        .hasMessageContaining("expects a number");
    assertThatThrownBy(() -> MainArguments.parse("--broker-property", "novalue"))
        .hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(() -> MainArguments.parse("--verbose"))
        .hasMessageContaining("unknown option --verbose")
        .hasMessageContaining("usage:");
  }
}
