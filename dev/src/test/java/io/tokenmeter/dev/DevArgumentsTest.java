package io.tokenmeter.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevArgumentsTest {

  @Test
  void shouldUseDocumentedDefaultsWithoutArguments() {
    DevOptions options = DevArguments.parse(List.of());

    assertThat(options).isEqualTo(DevOptions.defaults());
    assertThat(options.dataDir()).isEqualTo(Path.of(".tokenmeter-dev"));
    assertThat(options.demo()).isTrue();
    assertThat(options.kafkaPort()).isEqualTo(9092);
    assertThat(options.registryPort()).isEqualTo(8081);
    assertThat(options.clickHousePort()).isEqualTo(8123);
    assertThat(options.apiPort()).isEqualTo(8080);
  }

  @Test
  void shouldReadEveryFlag() {
    DevOptions options =
        DevArguments.parse(
            List.of(
                "--data-dir",
                "/tmp/x",
                "--no-demo",
                "--kafka-port",
                "19092",
                "--registry-port",
                "18081",
                "--clickhouse-port",
                "18123",
                "--api-port",
                "18080",
                "--demo-events",
                "120",
                "--demo-rate",
                "50"));

    assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(options.demo()).isFalse();
    assertThat(options.kafkaPort()).isEqualTo(19092);
    assertThat(options.registryPort()).isEqualTo(18081);
    assertThat(options.clickHousePort()).isEqualTo(18123);
    assertThat(options.apiPort()).isEqualTo(18080);
    assertThat(options.demoEventLimit()).isEqualTo(120);
    assertThat(options.demoRate()).isEqualTo(50);
  }

  @Test
  void shouldReturnNullForHelp() {
    assertThat(DevArguments.parse(List.of("--kafka-port", "1", "--help"))).isNull();
  }

  @Test
  void shouldRejectUnknownOption() {
    assertThatThrownBy(() -> DevArguments.parse(List.of("--kafka", "1")))
        .hasMessageContaining("unknown option --kafka")
        .hasMessageContaining("--help");
  }

  @Test
  void shouldRejectMissingValueNamingTheFlag() {
    assertThatThrownBy(() -> DevArguments.parse(List.of("--data-dir")))
        .hasMessageContaining("--data-dir needs a value");
    assertThatThrownBy(() -> DevArguments.parse(List.of("--kafka-port", "--no-demo")))
        .hasMessageContaining("--kafka-port needs a value");
  }

  @Test
  void shouldRejectNonNumericAndOutOfRangePorts() {
    assertThatThrownBy(() -> DevArguments.parse(List.of("--kafka-port", "abc")))
        .hasMessageContaining("--kafka-port needs a whole number, got 'abc'");
    assertThatThrownBy(() -> DevArguments.parse(List.of("--clickhouse-port", "70000")))
        .hasMessageContaining("--clickhouse-port must be a TCP port");
  }

  @Test
  void shouldRejectTwoServicesOnOnePort() {
    assertThatThrownBy(() -> DevArguments.parse(List.of("--registry-port", "9092")))
        .hasMessageContaining("same port 9092");
  }

  @Test
  void shouldRejectTheApiOnTheClickHousePort() {
    assertThatThrownBy(() -> DevArguments.parse(List.of("--api-port", "8123")))
        .hasMessageContaining("same port 8123")
        .hasMessageContaining("--api-port");
  }

  @Test
  void shouldRejectDemoRateOutOfRange() {
    assertThatThrownBy(() -> DevArguments.parse(List.of("--demo-rate", "0")))
        .hasMessageContaining("--demo-rate must be between 1 and 10000");
  }
}
