package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.sink.schema.Migration;
import io.tokenmeter.sink.schema.MigrationScripts;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.time.Clock;
import java.util.UUID;
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
          .containsExactly("1", "2", "3");
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
              reads.column(
                  "SELECT concat(name, ' ', type, ' ', default_expression) FROM system.columns"
                      + " WHERE table = 'tokenmeter_unpriced_usage' AND database = currentDatabase()"
                      + " ORDER BY position"))
          .containsSubsequence(
              "last_attempt_at DateTime64(3, 'UTC') ",
              "status LowCardinality(String) 'UNPRICED'",
              "resolved_at Nullable(DateTime64(3, 'UTC')) ",
              "resolved_price_version_id Nullable(String) ",
              "kafka_topic LowCardinality(String) ")
          .hasSize(SinkTable.UNPRICED_USAGE.columns().size());
      assertThat(
              reads.single(
                  "SELECT engine_full FROM system.tables WHERE name = 'tokenmeter_priced_usage'"
                      + " AND database = currentDatabase()"))
          .contains("non_replicated_deduplication_window = 1000")
          .contains("toYYYYMM(event_time)");
    }
  }

  @Test
  void shouldAddTheStatusColumnsToAnUnpricedTableWrittenBeforeThemWithItsRowsWaiting(
      StackEndpoints stack) throws Exception {
    String database = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
    String jdbcUrl = stack.clickHouseJdbcUrl().replace("/default", "/" + database);
    SinkSettings settings =
        SinkSettings.builder()
            .bootstrapServers(stack.kafkaBootstrapServers())
            .schemaRegistryUrl(stack.schemaRegistryUrl())
            .clickHouseJdbcUrl(jdbcUrl)
            .build();
    try (ClickHouseReads admin = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      admin.execute("CREATE DATABASE " + database);
      try (ClickHouseReads reads = new ClickHouseReads(jdbcUrl)) {
        applyUpToV2(reads);
        reads.execute(
            "INSERT INTO tokenmeter_unpriced_usage (event_id, event_time, tenant_id, provider,"
                + " model, reason, reason_message, first_seen, last_attempt_at, kafka_topic,"
                + " kafka_partition, kafka_offset) VALUES ('before-v3', '2026-03-14 09:26:53.589',"
                + " 'acme', 'openai', 'gpt-x', 'NO_MATCHING_MODEL', 'no price',"
                + " '2026-03-14 09:26:53.589', '2026-03-14 09:26:54.001', 'u', 0, 41)");

        assertThat(ClickHouseSink.migrate(settings, Clock.systemUTC())).containsExactly(3);

        assertThat(
                reads.column(
                    "SELECT concat(event_id, '|', status, '|', toString(isNull(resolved_at)), '|',"
                        + " toString(isNull(resolved_price_version_id)), '|',"
                        + " toString(kafka_offset)) FROM tokenmeter_unpriced_usage FINAL"))
            .containsExactly("before-v3|UNPRICED|1|1|41");
      } finally {
        admin.execute("DROP DATABASE IF EXISTS " + database);
      }
    }
  }

  /** The schema as a sink released before migration V3 left it. */
  private static void applyUpToV2(ClickHouseReads reads) throws Exception {
    MigrationScripts scripts = new MigrationScripts(0, 1000);
    for (String sql : scripts.migrationsTable()) {
      reads.execute(sql);
    }
    for (Migration migration : scripts.load()) {
      if (migration.version() >= 3) {
        continue;
      }
      for (String sql : migration.statements()) {
        reads.execute(sql);
      }
      reads.execute(
          "INSERT INTO tokenmeter_schema_migrations VALUES ("
              + migration.version()
              + ", '"
              + migration.description()
              + "', '"
              + migration.checksum()
              + "', now64(3))");
    }
  }
}
