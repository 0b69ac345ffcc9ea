package io.tokenmeter.clickhouse.engine.chdb;

import static io.tokenmeter.clickhouse.engine.chdb.Requests.sql;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.clickhouse.engine.QueryException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open, close and reopen within one JVM: what the HTTP front's "restart keeps the data" needs. */
class ChdbEngineLifecycleIT {

  @TempDir Path dataDirectory;
  @TempDir Path otherDirectory;

  @Test
  void shouldKeepTheDataWhenReopenedOnTheSameDirectory() throws QueryException {
    try (ChdbEngine first = ChdbEngine.open(dataDirectory)) {
      first.execute(
          sql("CREATE TABLE kept (id UInt64, note String) ENGINE = MergeTree ORDER BY id"));
      first.execute(sql("INSERT INTO kept VALUES (1, 'before restart'), (2, 'also')"));
    }

    try (ChdbEngine second = ChdbEngine.open(dataDirectory)) {
      assertThat(text(second, "SELECT id, note FROM kept ORDER BY id"))
          .isEqualTo("1\tbefore restart\n2\talso\n");
    }
  }

  @Test
  void shouldMarkItsDirectoryWithThePidThatAFailedConnectNames() throws Exception {
    // ChdbConnection names the owner from this file when another process holds the directory.
    try (ChdbEngine engine = ChdbEngine.open(dataDirectory)) {
      assertThat(Files.readAllLines(dataDirectory.resolve("status")))
          .contains("PID: " + ProcessHandle.current().pid());
    }
  }

  @Test
  void shouldRefuseASecondEngineWhileOneIsOpenAndAllowItAfterClose() throws QueryException {
    try (ChdbEngine first = ChdbEngine.open(dataDirectory)) {
      assertThatThrownBy(() -> ChdbEngine.open(otherDirectory))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dataDirectory.toAbsolutePath().toString())
          .hasMessageContaining("one engine per process");
      assertThat(text(first, "SELECT 1")).isEqualTo("1\n");
    }

    try (ChdbEngine other = ChdbEngine.open(otherDirectory)) {
      assertThat(text(other, "SELECT count() FROM system.tables WHERE database = 'default'"))
          .isEqualTo("0\n");
    }
  }

  @Test
  void shouldCloseIdempotentlyAndRejectLaterQueries() {
    ChdbEngine engine = ChdbEngine.openInMemory();
    engine.close();
    engine.close();

    assertThatThrownBy(() -> engine.execute(sql("SELECT 1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void shouldLoseInMemoryDataOnClose() throws QueryException {
    try (ChdbEngine engine = ChdbEngine.openInMemory()) {
      engine.execute(sql("CREATE TABLE transient (id UInt64) ENGINE = Memory"));
      engine.execute(sql("INSERT INTO transient VALUES (1)"));
      assertThat(text(engine, "SELECT count() FROM transient")).isEqualTo("1\n");
    }
    try (ChdbEngine engine = ChdbEngine.openInMemory()) {
      assertThat(text(engine, "EXISTS TABLE transient")).isEqualTo("0\n");
    }
  }
}
