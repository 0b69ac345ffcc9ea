package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaSettingsTest {

  @Test
  void shouldDefaultToATemporaryDirDeletedOnCloseAndAnyFreePort() {
    EmbeddedKafkaSettings settings = EmbeddedKafka.builder().settings();

    assertThat(settings.dataDir()).isEmpty();
    assertThat(settings.deleteDataDirOnClose()).isTrue();
    assertThat(settings.port()).isEqualTo(EmbeddedKafkaSettings.ANY_FREE_PORT);
    assertThat(settings.host()).isEqualTo(EmbeddedKafkaSettings.DEFAULT_HOST);
    assertThat(settings.defaultPartitions()).isEqualTo(EmbeddedKafkaSettings.DEFAULT_PARTITIONS);
    assertThat(settings.brokerProperties()).isEmpty();
  }

  @Test
  void shouldKeepAPersistentDataDirUnlessToldToDeleteIt() {
    Path dir = Path.of("some", "kafka");

    assertThat(EmbeddedKafka.builder().dataDir(dir).settings().deleteDataDirOnClose()).isFalse();
    assertThat(
            EmbeddedKafka.builder()
                .dataDir(dir)
                .deleteDataDirOnClose(true)
                .settings()
                .deleteDataDirOnClose())
        .isTrue();
  }

  @Test
  void shouldRejectOverridingPropertiesTheEmbeddedBrokerOwns() {
    EmbeddedKafkaBuilder builder = EmbeddedKafka.builder().brokerProperty("listeners", "x");

    assertThatThrownBy(builder::settings)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'listeners'")
        .hasMessageContaining("host/port/dataDir");
  }

  @Test
  void shouldRejectPortsOutOfRangeAndNonPositivePartitionsAndTimeouts() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().port(70_000).settings())
        .hasMessageContaining("0 picks a free port");
    assertThatThrownBy(() -> EmbeddedKafka.builder().defaultPartitions(0).settings())
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> EmbeddedKafka.builder().closeTimeout(Duration.ZERO).settings())
        .hasMessageContaining("closeTimeout must be positive");
    assertThatThrownBy(() -> EmbeddedKafka.builder().host(" ").settings())
        .hasMessageContaining("host must not be blank");
  }

  @Test
  void shouldNotChangeWhenTheCallersMapChangesLater() {
    java.util.Map<String, String> extra = new java.util.HashMap<>();
    extra.put("log.retention.hours", "1");
    EmbeddedKafkaSettings settings = EmbeddedKafka.builder().brokerProperties(extra).settings();

    extra.put("log.retention.hours", "2");

    assertThat(settings.brokerProperties()).containsEntry("log.retention.hours", "1");
  }
}
