package io.tokenmeter.clickhouse.engine.chdb;

import static io.tokenmeter.clickhouse.engine.chdb.Requests.text;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.withSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.clickhouse.engine.QueryException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The start-up settings that keep a chdb call from waiting on what it does not need. */
class EngineDefaultsIT {

  private static final String CURRENT_VALUES =
      "SELECT name, value FROM system.settings WHERE name IN ("
          + EngineDefaults.settings().keySet().stream()
              .map(name -> "'" + name + "'")
              .collect(Collectors.joining(", "))
          + ") ORDER BY name";

  @Test
  void shouldStartTheSessionWithTheEngineDefaults() throws QueryException {
    try (ChdbEngine engine = ChdbEngine.openInMemory()) {
      assertThat(text(engine, CURRENT_VALUES)).isEqualTo(expectedValues());
    }
  }

  @Test
  void shouldLetARequestOverrideADefaultForItselfOnly() throws QueryException {
    try (ChdbEngine engine = ChdbEngine.openInMemory()) {
      String during =
          text(
              engine.execute(
                  withSettings(
                      "SELECT value FROM system.settings WHERE name = 'max_execution_time'",
                      Map.of("max_execution_time", "5"))));

      assertThat(during).isEqualTo("5\n");
      assertThat(text(engine, CURRENT_VALUES)).isEqualTo(expectedValues());
    }
  }

  @Test
  void shouldUndoASetStatementThatChangesADefault() throws QueryException {
    try (ChdbEngine engine = ChdbEngine.openInMemory()) {
      engine.execute(Requests.sql("SET max_threads = 3, max_execution_time = 5"));

      assertThat(text(engine, CURRENT_VALUES)).isEqualTo(expectedValues());
    }
  }

  private static String expectedValues() {
    return EngineDefaults.settings().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> entry.getKey() + "\t" + entry.getValue() + "\n")
        .collect(Collectors.joining());
  }
}
