package io.tokenmeter.clickhouse.engine.chdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlStatementTest {

  private static Optional<String> formatOf(String sql) {
    return new SqlStatement(sql).trailingFormat().map(SqlStatement.FormatClause::name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT 1 FORMAT JSON|JSON",
        "select 1 format TSKV;|TSKV",
        "SELECT 1 FORMAT `JSONEachRow`|JSONEachRow",
        "SELECT 1 FORMAT CSV SETTINGS max_threads = 1|CSV",
        "SELECT 1 SETTINGS max_threads = 1 FORMAT Pretty|Pretty",
        "INSERT INTO t (a, b) FORMAT RowBinary|RowBinary",
        "SELECT 1 /* FORMAT JSON */ FORMAT CSV -- FORMAT XML|CSV"
      })
  void shouldFindTheStatementsOwnTrailingFormat(String sql, String format) {
    assertThat(formatOf(sql)).contains(format);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT 'x FORMAT JSON'",
        "SELECT format FROM t",
        "SELECT format('{}', 1)",
        "SELECT (SELECT 1 FORMAT JSON)",
        "SELECT 1 -- FORMAT JSON",
        "SELECT \"FORMAT JSON\"",
        "SELECT 'it''s FORMAT JSON'",
        "SELECT 'a\\' FORMAT JSON'"
      })
  void shouldIgnoreFormatOutsideATrailingClause(String sql) {
    assertThat(formatOf(sql)).isEmpty();
  }

  @Test
  void shouldPutClausesBeforeSettingsOfAnInsert() {
    String sql = "INSERT INTO t (a) SETTINGS async_insert = 0 FORMAT RowBinary";
    SqlStatement.FormatClause clause = new SqlStatement(sql).trailingFormat().orElseThrow();

    assertThat(sql.substring(clause.clauseInsertionPoint())).startsWith("SETTINGS");
  }

  @Test
  void shouldPutClausesBeforeFormatWhenThereAreNoSettings() {
    String sql = "INSERT INTO t (settings) FORMAT RowBinary";
    SqlStatement.FormatClause clause = new SqlStatement(sql).trailingFormat().orElseThrow();

    assertThat(sql.substring(clause.clauseInsertionPoint())).isEqualTo("FORMAT RowBinary");
  }

  @Test
  void shouldFindTheLeadingKeyword() {
    assertThat(new SqlStatement("insert into t values (1)").leadingKeyword()).isEqualTo("INSERT");
    assertThat(new SqlStatement("  -- comment\n SELECT 1").leadingKeyword()).isEqualTo("SELECT");
    assertThat(new SqlStatement("(SELECT 1)").leadingKeyword()).isEqualTo("SELECT");
    assertThat(new SqlStatement("/* x */ set max_threads = 1").leadingKeyword()).isEqualTo("SET");
    assertThat(new SqlStatement("'not a keyword'").leadingKeyword()).isEmpty();
  }
}
