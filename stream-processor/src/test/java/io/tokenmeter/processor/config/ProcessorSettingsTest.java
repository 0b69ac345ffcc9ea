package io.tokenmeter.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.processor.topology.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorSettingsTest {
  @TempDir Path dir;

  @Test
  void shouldDefaultToExactlyOnceV2AndSharedTopicNames() {
    ProcessorSettings settings = ProcessorSettings.defaultSettings();
    assertThat(settings.processingGuarantee()).isEqualTo("exactly_once_v2");
    assertThat(settings.usageTopic()).isEqualTo(Topics.USAGE).isEqualTo("tokenmeter.usage.v1");
    assertThat(settings.deadLettersTopic()).isEqualTo("tokenmeter.dead-letters.v1");
    assertThat(settings.aggregateGrace()).isEqualTo(ProcessorSettings.DEFAULT_AGGREGATE_GRACE);
    assertThat(settings.streamsProperties().getProperty("processing.guarantee"))
        .isEqualTo("exactly_once_v2");
  }

  @Test
  void shouldLayerFileOverDefaultsAndEnvironmentOverFile() throws IOException {
    Path file = dir.resolve("processor.properties");
    Files.writeString(
        file,
        "tokenmeter.aggregate.grace=PT1M\ntokenmeter.topic.usage=from-file\n"
            + "num.stream.threads=3\nbootstrap.servers=file:9092\n");
    Map<String, String> environment =
        Map.of(
            "TOKENMETER_TOPIC_USAGE", "from-env",
            "TOKENMETER_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
            "TOKENMETER_KAFKA_COMMIT_INTERVAL_MS", "250",
            "UNRELATED", "x");
    ProcessorSettings settings = SettingsLayers.load(file, environment);
    assertThat(settings.aggregateGrace()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.usageTopic()).isEqualTo("from-env");
    Properties streams = settings.streamsProperties();
    assertThat(streams.getProperty("bootstrap.servers")).isEqualTo("env:9092");
    assertThat(streams.getProperty("num.stream.threads")).isEqualTo("3");
    assertThat(streams.getProperty("commit.interval.ms")).isEqualTo("250");
    assertThat(streams).doesNotContainKey("tokenmeter.topic.usage");
  }

  @Test
  void shouldExplainHowToFixAnInvalidGrace() {
    assertThatThrownBy(
            () -> ProcessorSettings.fromMap(Map.of(ProcessorSettings.AGGREGATE_GRACE, "5 minutes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenmeter.aggregate.grace")
        .hasMessageContaining("ISO-8601 duration such as PT5M");
  }

  @Test
  void shouldRejectUnknownProcessingGuarantee() {
    assertThatThrownBy(
            () ->
                ProcessorSettings.fromMap(
                    Map.of(ProcessorSettings.PROCESSING_GUARANTEE, "exactly_once")))
        .hasMessageContaining("set it to exactly_once_v2 (default) or at_least_once");
  }

  @Test
  void shouldRejectTwoRolesOnOneTopic() {
    assertThatThrownBy(
            () ->
                ProcessorSettings.fromMap(
                    Map.of(ProcessorSettings.TOPIC_PRICED_USAGE, Topics.USAGE)))
        .hasMessageContaining("must name 9 different topics");
  }

  @Test
  void shouldNameAMissingSettingsFile() {
    assertThatThrownBy(() -> SettingsLayers.load(dir.resolve("nope.properties"), Map.of()))
        .hasMessageContaining("nope.properties does not exist");
  }

  @Test
  void shouldKeepPassThroughSecretsOutOfToString() {
    ProcessorSettings settings =
        ProcessorSettings.fromMap(Map.of("sasl.jaas.config", "password=hunter2"));
    assertThat(settings.toString()).doesNotContain("hunter2");
    assertThat(settings.streamsProperties().getProperty("sasl.jaas.config")).contains("hunter2");
  }
}
