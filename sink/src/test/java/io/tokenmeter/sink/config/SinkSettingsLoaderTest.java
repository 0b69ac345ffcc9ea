package io.tokenmeter.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.sink.writer.InsertPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkSettingsLoaderTest {

  private static final Map<String, String> FILE =
      Map.of(
          "tokenmeter.sink.bootstrap.servers", "file-kafka:9092",
          "tokenmeter.sink.schema.registry.url", "http://registry:8081",
          "tokenmeter.sink.clickhouse.url", "jdbc:clickhouse://file-ch:8123/default",
          "tokenmeter.sink.batch.max.rows", "5000",
          "tokenmeter.sink.batch.max.wait.ms", "250",
          "tokenmeter.sink.insert.path", "row_binary",
          "tokenmeter.sink.topic.priced-usage", "custom.priced",
          "kafka.max.poll.records", "2000",
          "jdbc.user", "sink");

  @Test
  void shouldLayerEnvironmentOverTheFileAndPassPrefixedPropertiesThrough() {
    SinkSettings settings =
        SinkSettingsLoader.load(
            FILE, Map.of("TOKENMETER_SINK_CLICKHOUSE_URL", "jdbc:ch://env:8123/x"));

    assertThat(settings.clickHouseJdbcUrl()).isEqualTo("jdbc:ch://env:8123/x");
    assertThat(settings.bootstrapServers()).isEqualTo("file-kafka:9092");
    assertThat(settings.maxBatchRows()).isEqualTo(5000);
    assertThat(settings.maxBatchWait()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.insertPath()).isEqualTo(InsertPath.ROW_BINARY);
    assertThat(settings.topics().pricedUsage()).isEqualTo("custom.priced");
    assertThat(settings.topics().aggregates()).isEqualTo(SinkTopics.DEFAULT_AGGREGATES);
    assertThat(settings.consumerProperties()).containsEntry("max.poll.records", "2000");
    assertThat(settings.jdbcProperties()).containsEntry("user", "sink");
  }

  @Test
  void shouldServeHealthOnPort8082OfEveryInterfaceUnlessConfigured() {
    SinkSettings defaults = SinkSettingsLoader.load(FILE, Map.of());
    assertThat(defaults.httpHost()).isEqualTo("0.0.0.0");
    assertThat(defaults.httpPort()).isEqualTo(8082);

    SinkSettings configured =
        SinkSettingsLoader.load(
            FILE,
            Map.of("TOKENMETER_SINK_HTTP_HOST", "127.0.0.1", "TOKENMETER_SINK_HTTP_PORT", "-1"));
    assertThat(configured.httpHost()).isEqualTo("127.0.0.1");
    assertThat(configured.httpPort()).isEqualTo(SinkSettings.HTTP_PORT_OFF);
  }

  @Test
  void shouldRejectAPortOutsideTheTcpRangeWithTheAllowedValues() {
    assertThatThrownBy(
            () -> SinkSettingsLoader.load(FILE, Map.of("TOKENMETER_SINK_HTTP_PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "httpPort must be a TCP port (1..65535), 0 for a free port or -1 for no HTTP"
                + " endpoint, got 70000");
  }

  @Test
  void shouldNameTheKeyOfAValueThatDoesNotParse() {
    assertThatThrownBy(
            () -> SinkSettingsLoader.load(FILE, Map.of("TOKENMETER_SINK_BATCH_MAX_ROWS", "lots")))
        .hasMessageContaining("tokenmeter.sink.batch.max.rows 'lots'");
  }
}
