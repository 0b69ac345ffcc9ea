package io.tokenmeter.clickhouse.engine.chdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.clickhouse.engine.QueryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

  @Test
  void shouldDropHttpOnlyParametersAndKeepSettings() throws QueryException {
    Map<String, String> requested = new LinkedHashMap<>();
    requested.put("wait_end_of_query", "1");
    requested.put("compress", "1");
    requested.put("insert_deduplication_token", "batch-7");
    requested.put("async_insert", "0");

    assertThat(SessionSettings.applicable(requested))
        .containsExactly(
            Map.entry("insert_deduplication_token", "batch-7"), Map.entry("async_insert", "0"));
  }

  @Test
  void shouldRejectANameThatCannotBeASettingWithCode115() {
    assertThatThrownBy(() -> SessionSettings.applicable(Map.of("x = 1; DROP TABLE t --", "1")))
        .isInstanceOf(QueryException.class)
        .satisfies(e -> assertThat(((QueryException) e).code()).isEqualTo(115));
  }

  @Test
  void shouldQuoteValuesSoTheyCannotEndTheLiteral() {
    assertThat(SessionSettings.setStatement(Map.of("insert_deduplication_token", "a'b\\c")))
        .isEqualTo("SET insert_deduplication_token = 'a\\'b\\\\c'");
  }

  @Test
  void shouldResetToDefaultUnlessChdbChangedTheSettingAtStartup() {
    SessionSettings settings = new SessionSettings(Map.of("max_threads", "4"));

    assertThat(settings.resetStatement(List.of("max_threads", "async_insert")))
        .isEqualTo("SET max_threads = '4', async_insert = DEFAULT");
  }
}
