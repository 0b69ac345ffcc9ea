package io.tokenmeter.sink.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.sink.row.SinkTable;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesInserterTest {

  @Test
  void shouldNameEveryColumnOfTheTableWithOnePlaceholderEach() {
    String sql = ValuesInserter.sql(SinkTable.DEAD_LETTERS);

    assertThat(sql)
        .startsWith("INSERT INTO tokenmeter_dead_letters (original_topic, original_partition,")
        .endsWith("kafka_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  @Test
  void shouldWriteMoneyAsPlainDigitsEvenInsideMaps() {
    BigDecimal tiny = new BigDecimal("0.000000000001");
    assertThat(tiny.toString()).isEqualTo("1E-12"); // what the driver would inline

    assertThat(ValuesInserter.literal(tiny).toString()).isEqualTo("0.000000000001");
    assertThat(ValuesInserter.literal(Map.of("images", tiny)).toString())
        .isEqualTo("{images=0.000000000001}");
    assertThat(ValuesInserter.literal(7L)).isEqualTo(7L);
  }
}
