package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.time.Clock;
import org.junit.jupiter.api.Test;

@WithTokenmeterStack
class SchemaMigrationIT {

  @Test
  void shouldApplyEachMigrationOnceAndRecordIt(StackEndpoints stack) throws Exception {
    SinkSettings settings =
        SinkSettings.builder()
            .bootstrapServers(stack.kafkaBootstrapServers())
            .schemaRegistryUrl(stack.schemaRegistryUrl())
            .clickHouseJdbcUrl(stack.clickHouseJdbcUrl())
            .build();

    ClickHouseSink.migrate(settings, Clock.systemUTC());
    assertThat(ClickHouseSink.migrate(settings, Clock.systemUTC())).isEmpty();

    try (ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      assertThat(
              reads.column(
                  "SELECT DISTINCT version FROM tokenmeter_schema_migrations ORDER BY version"))
          .containsExactly("1", "2");
      assertThat(
              reads.column(
                  "SELECT name FROM system.tables WHERE database = currentDatabase()"
                      + " AND name LIKE 'tokenmeter_%' ORDER BY name"))
          .contains(
              "tokenmeter_budget_alerts",
              "tokenmeter_daily_cost_by_tenant_model",
              "tokenmeter_daily_cost_by_tenant_model_mv",
              "tokenmeter_dead_letters",
              "tokenmeter_priced_usage",
              "tokenmeter_unpriced_usage",
              "tokenmeter_usage_aggregates");
      assertThat(
              reads.single(
                  "SELECT engine_full FROM system.tables WHERE name = 'tokenmeter_priced_usage'"
                      + " AND database = currentDatabase()"))
          .contains("non_replicated_deduplication_window = 1000")
          .contains("toYYYYMM(event_time)");
    }
  }
}
