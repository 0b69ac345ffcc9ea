package io.tokenmeter.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SinkSettingsTest {

  private static SinkSettings.Builder valid() {
    return SinkSettings.builder()
        .bootstrapServers("kafka:9092")
        .schemaRegistryUrl("http://registry:8081")
        .clickHouseJdbcUrl("jdbc:clickhouse://clickhouse:8123/default");
  }

  @Test
  void shouldPassConsumerPropertiesThroughButNeverAutoCommit() {
    SinkSettings settings =
        valid()
            .consumerProperty("max.poll.records", "5000")
            .consumerProperty("enable.auto.commit", "true")
            .consumerProperty("isolation.level", "read_uncommitted")
            .jdbcProperty("user", "sink")
            .build();

    assertThat(settings.consumerProperties())
        .containsEntry("max.poll.records", "5000")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("isolation.level", "read_uncommitted")
        .containsEntry("group.id", SinkSettings.DEFAULT_GROUP_ID)
        .containsEntry("schema.registry.url", "http://registry:8081");
    assertThat(settings.jdbcProperties()).containsEntry("user", "sink");
  }

  @Test
  void shouldReadCommittedByDefaultBecauseTheProcessorWritesTransactionally() {
    assertThat(valid().build().consumerProperties())
        .containsEntry("isolation.level", "read_committed");
  }

  @Test
  void shouldRejectSettingsThatBreakTheGuaranteesWithAFix() {
    assertThatThrownBy(() -> valid().maxBatchRows(2_000_000).build())
        .hasMessageContaining("1..1000000");
    assertThatThrownBy(() -> valid().dedupWindow(0).build()).hasMessageContaining("stored twice");
    assertThatThrownBy(() -> valid().clickHouseJdbcUrl("http://x:8123").build())
        .hasMessageContaining("jdbc:clickhouse://host:8123/database");
    assertThatThrownBy(() -> SinkSettings.builder().build())
        .hasMessageContaining("bootstrapServers is required");
  }

  @Test
  void shouldRejectTheSameTopicForTwoTables() {
    assertThatThrownBy(() -> new SinkTopics("a", "a", "b", "c", "d"))
        .hasMessageContaining("must be different");
  }
}
