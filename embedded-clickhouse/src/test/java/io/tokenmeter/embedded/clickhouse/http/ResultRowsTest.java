package io.tokenmeter.embedded.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResultRowsTest {

  // One column "number" of type UInt64, as chdb writes a zero-row result.
  private static final byte[] HEADER_ONLY = {
    1, 6, 'n', 'u', 'm', 'b', 'e', 'r', 6, 'U', 'I', 'n', 't', '6', '4'
  };

  @Test
  void shouldReportZeroRowsForAHeaderOnlyRowBinaryResult() {
    assertThat(ResultRows.count("RowBinaryWithNamesAndTypes", HEADER_ONLY)).isZero();
  }

  @Test
  void shouldReportAtLeastOneRowWhenRowBinaryCarriesRows() {
    byte[] oneRow = java.util.Arrays.copyOf(HEADER_ONLY, HEADER_ONLY.length + 8);
    assertThat(ResultRows.count("RowBinaryWithNamesAndTypes", oneRow)).isEqualTo(1);
  }

  @Test
  void shouldCountLinesOfTextFormatsWithoutTheirHeaderLines() {
    byte[] tsv = "a\tb\nString\tUInt8\nx\t1\ny\t2\n".getBytes(StandardCharsets.UTF_8);
    assertThat(ResultRows.count("TabSeparatedWithNamesAndTypes", tsv)).isEqualTo(2);
    assertThat(ResultRows.count("TabSeparated", tsv)).isEqualTo(4);
    assertThat(ResultRows.count("TSKV", new byte[0])).isZero();
  }
}
