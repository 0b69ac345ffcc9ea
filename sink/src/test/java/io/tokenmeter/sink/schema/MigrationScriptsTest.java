package io.tokenmeter.sink.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.sink.row.SinkTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "CREATE TABLE IF NOT EXISTS (\\w+)\\s*\\((.*?)\\n\\)\\s*ENGINE", Pattern.DOTALL);

  @Test
  void shouldLoadTheListedMigrationsInVersionOrderWithPlaceholdersReplaced() {
    List<Migration> migrations = new MigrationScripts(0, 1000).load();

    assertThat(migrations).extracting(Migration::version).containsExactly(1, 2);
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
    List<Migration> migrations = new MigrationScripts(0, 1000).load();
    for (SinkTable table : SinkTable.values()) {
      String ddl =
          migrations.stream()
              .flatMap(m -> m.statements().stream())
              .filter(s -> s.contains("CREATE TABLE IF NOT EXISTS " + table.tableName() + "\n"))
              .findFirst()
              .orElseThrow();
      Matcher matcher = CREATE_TABLE.matcher(ddl);
      assertThat(matcher.find()).as(table.tableName()).isTrue();
      assertThat(columnNames(matcher.group(2))).as(table.tableName()).isEqualTo(table.columns());
    }
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

  private static List<String> columnNames(String body) {
    List<String> names = new ArrayList<>();
    for (String line : body.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
        names.add(trimmed.split("\\s+")[0]);
      }
    }
    return names;
  }
}
