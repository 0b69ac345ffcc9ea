package io.tokenmeter.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void shouldAlignColumnsToTheWidestCell() {
    StringWriter text = new StringWriter();
    new TextTable("A", "BB", "C")
        .row("long", "x", "1")
        .row("s", "yyy", "22")
        .print(new PrintWriter(text, true));

    assertThat(text.toString().lines())
        .containsExactly("A     BB   C", "long  x    1", "s     yyy  22");
  }

  @Test
  void shouldRejectARowOfTheWrongWidth() {
    assertThatThrownBy(() -> new TextTable("A", "B").row("1"))
        .hasMessageContaining("a row needs 2 cells, got 1");
  }
}
