package io.tokenmeter.clickhouse.engine.chdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.clickhouse.engine.QueryException;
import org.junit.jupiter.api.Test;

class ChdbErrorsTest {

  @Test
  void shouldCarryTheCodeFromClickHouseErrorText() {
    String text =
        "Code: 60. DB::Exception: Unknown table expression identifier 'nope'. (UNKNOWN_TABLE)";

    QueryException error = ChdbErrors.toException(text);

    assertThat(error.code()).isEqualTo(60);
    assertThat(error.getMessage()).isEqualTo(text);
  }

  @Test
  void shouldUseUnknownExceptionForTextWithoutACode() {
    QueryException error = ChdbErrors.toException("something broke");

    assertThat(error.code()).isEqualTo(1002);
    assertThat(error.getMessage()).isEqualTo("something broke");
  }
}
