package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void shouldParseAllOptions() {
    DevRegistryConfig config =
        Main.parse(
            new String[] {
              "--port",
              "8081",
              "--data-dir",
              "/tmp/reg",
              "--host",
              "0.0.0.0",
              "--incompatible-error-code",
              "40901"
            });
    assertThat(config.port()).isEqualTo(8081);
    assertThat(config.dataDir()).contains(Path.of("/tmp/reg"));
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.incompatibleErrorCode()).isEqualTo(40901);
  }

  @Test
  void shouldDefaultToLoopbackAFreePortAndMemory() {
    DevRegistryConfig config = Main.parse(new String[0]);
    assertThat(config.host()).isEqualTo(DevRegistryConfig.DEFAULT_HOST);
    assertThat(config.port()).isZero();
    assertThat(config.dataDir()).isEmpty();
  }

  @Test
  void shouldExplainBadArguments() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--port"}))
        .hasMessage("--port needs a value");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "http"}))
        .hasMessage("--port needs a number, got 'http'");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"}))
        .hasMessageContaining("use 0 to pick a free port");
    assertThatThrownBy(() -> Main.parse(new String[] {"--colour", "red"}))
        .hasMessage("unknown option --colour");
    assertThatThrownBy(() -> Main.parse(new String[] {"--incompatible-error-code", "500"}))
        .hasMessageContaining("use 409 or 40901");
  }
}
