package io.tokenmeter.sink.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.sink.fixtures.MigratedColumns;
import io.tokenmeter.sink.row.SinkTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

  @Test
  void shouldLoadTheListedMigrationsInVersionOrderWithPlaceholdersReplaced() {
    List<Migration> migrations = new MigrationScripts(0, 1000).load();

    assertThat(migrations).extracting(Migration::version).containsExactly(1, 2, 3);
    assertThat(migrations.getFirst().checksum()).hasSize(64);
    String all =
        String.join("\n", migrations.stream().flatMap(m -> m.statements().stream()).toList())
            .replaceAll("(?m)^\\s*--.*$", "");
    assertThat(all).doesNotContain("${").doesNotContain("TTL ");
    assertThat(all).contains("non_replicated_deduplication_window = 1000");
  }

  @Test
  void shouldSubstituteATtlClauseWhenRetentionIsSet() {
    MigrationScripts scripts = new MigrationScripts(400, 50);

    assertThat(scripts.substitute("ORDER BY x\n${ttl:event_time}\nSETTINGS w = ${dedup_window}"))
        .isEqualTo("ORDER BY x\nTTL toDateTime(event_time) + INTERVAL 400 DAY\nSETTINGS w = 50");
  }

  @Test
  void shouldSplitStatementsAtLineEndingSemicolonsAndDropCommentOnlyPieces() {
    List<String> statements =
        MigrationScripts.statements(
            "-- intro\nCREATE TABLE a (x String DEFAULT ';');\n-- only a comment;\nSELECT 1;\n");

    assertThat(statements)
        .containsExactly("-- intro\nCREATE TABLE a (x String DEFAULT ';')", "SELECT 1");
  }

  @Test
  void shouldDeclareEveryTableWithTheColumnsTheSinkWritesInTheSameOrder() {
    for (SinkTable table : SinkTable.values()) {
      assertThat(MigratedColumns.names(table)).as(table.tableName()).isEqualTo(table.columns());
    }
  }

  @Test
  void shouldAddTheUnpricedStatusColumnsBeforeTheKafkaSourceColumns() {
    assertThat(MigratedColumns.of(SinkTable.UNPRICED_USAGE))
        .containsSubsequence(
            new MigratedColumns.Column("last_attempt_at", "DateTime64(3, 'UTC')"),
            new MigratedColumns.Column("status", "LowCardinality(String)"),
            new MigratedColumns.Column("resolved_at", "Nullable(DateTime64(3, 'UTC'))"),
            new MigratedColumns.Column("resolved_price_version_id", "Nullable(String)"),
            new MigratedColumns.Column("kafka_topic", "LowCardinality(String)"));
  }

  @Test
  void shouldPutDedupWindowOnEveryTableTheSinkWritesWithTokens() {
    List<String> statements =
        new MigrationScripts(0, 7).load().stream().flatMap(m -> m.statements().stream()).toList();
    for (SinkTable table : SinkTable.values()) {
      assertThat(statements)
          .filteredOn(s -> s.contains("CREATE TABLE IF NOT EXISTS " + table.tableName() + "\n"))
          .singleElement()
          .asString()
          .contains("non_replicated_deduplication_window = 7")
          .contains("PARTITION BY toYYYYMM(");
    }
  }
}
