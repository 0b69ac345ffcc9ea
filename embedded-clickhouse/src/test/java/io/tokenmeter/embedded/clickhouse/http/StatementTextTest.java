package io.tokenmeter.embedded.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatementTextTest {

  @Test
  void shouldTakeTheBodyAsDataWhenTheQueryParameterIsAnInsertWithFormat() {
    byte[] rows = {0x0a, 0x00, 0x20, (byte) 0xff, 0x0d, 0x0a}; // leading newline and space kept
    StatementText statement =
        StatementText.split("INSERT INTO events FORMAT RowBinaryWithDefaults", rows);
    assertThat(statement.sql()).isEqualTo("INSERT INTO events FORMAT RowBinaryWithDefaults");
    assertThat(statement.data()).containsExactly(rows);
  }

  @Test
  void shouldPassTheBodyItselfNotACopyForTheDriversRowBinaryInsert() {
    byte[] rows = {1, 2, 3};
    assertThat(StatementText.split(" INSERT INTO t FORMAT RowBinary ", rows).data()).isSameAs(rows);
  }

  @Test
  void shouldJoinAQueryParameterThatAlreadyCarriesDataWithTheBody() {
    StatementText statement = StatementText.split("INSERT INTO t FORMAT CSV 1,2", bytes("3,4\n"));
    assertThat(statement.sql()).isEqualTo("INSERT INTO t FORMAT CSV");
    assertThat(new String(statement.data(), StandardCharsets.UTF_8)).isEqualTo("1,2\n3,4\n");
  }

  @Test
  void shouldSplitInlineDataAfterTheFormatNameInTheBody() {
    StatementText statement =
        StatementText.split("", bytes("insert into t (a, b) settings x=1 FORMAT CSV\n1,2\n3,4\n"));
    assertThat(statement.sql()).isEqualTo("insert into t (a, b) settings x=1 FORMAT CSV");
    assertThat(new String(statement.data(), StandardCharsets.UTF_8)).isEqualTo("1,2\n3,4\n");
  }

  @Test
  void shouldKeepValuesInsertsAsSql() {
    String sql = "INSERT INTO t (format) VALUES ('FORMAT CSV'), (' FORMAT x')";
    StatementText statement = StatementText.split("", bytes(sql));
    assertThat(statement.sql()).isEqualTo(sql);
    assertThat(statement.data()).isNull();
  }

  @Test
  void shouldKeepAnInsertFromInfileAsSqlWithoutData() {
    String sql = "INSERT INTO t FROM INFILE '/tmp/rows.bin' COMPRESSION 'none' FORMAT RowBinary";

    StatementText fromParameter = StatementText.split(sql, new byte[0]);
    StatementText fromBody = StatementText.split("", bytes(sql));

    assertThat(fromParameter.sql()).isEqualTo(sql);
    assertThat(fromParameter.data()).isNull();
    assertThat(fromBody.sql()).isEqualTo(sql);
    assertThat(fromBody.data()).isNull();
  }

  @Test
  void shouldNotMistakeATableNamedFormatOrACommentForTheFormatClause() {
    StatementText statement =
        StatementText.split(
            "", bytes("INSERT INTO format /* FORMAT CSV */ -- FORMAT TSV\nFORMAT TSV\n1"));
    assertThat(statement.sql()).endsWith("FORMAT TSV");
    assertThat(new String(statement.data(), StandardCharsets.UTF_8)).isEqualTo("1");
  }

  @Test
  void shouldJoinQueryParameterAndBodyForOtherStatements() {
    StatementText statement = StatementText.split("SELECT 1,", bytes("2"));
    assertThat(statement.sql()).isEqualTo("SELECT 1,\n2");
    assertThat(statement.data()).isNull();
  }

  @Test
  void shouldRecogniseReadOnlyStatements() {
    assertThat(StatementText.split("", bytes("  select 1")).isReadOnly()).isTrue();
    assertThat(StatementText.split("", bytes("WITH x AS (SELECT 1) SELECT * FROM x")).isReadOnly())
        .isTrue();
    assertThat(StatementText.split("", bytes("(SELECT 1) UNION ALL (SELECT 2)")).isReadOnly())
        .isTrue();
    assertThat(StatementText.split("", bytes("DROP TABLE t")).isReadOnly()).isFalse();
    assertThat(StatementText.split("", bytes("INSERT INTO t VALUES (1)")).isReadOnly()).isFalse();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
