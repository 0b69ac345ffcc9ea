package io.tokenmeter.embedded.clickhouse.it;

import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.connect;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.count;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.execute;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.withParameters;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.clickhouse.EmbeddedClickHouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings passed through the URL reach the engine ({@code insert_deduplication_token}), and data
 * survives closing and reopening on the same directory. Each test owns its instance: chdb allows
 * one engine per JVM at a time.
 */
class DeduplicationAndRestartIT {

  private static final String DEDUPLICATED_TABLE =
      "CREATE TABLE spend (id UInt64, tenant String) ENGINE = MergeTree ORDER BY id"
          + " SETTINGS non_replicated_deduplication_window = 100";

  @TempDir Path dataDirectory;

  @Test
  void shouldStoreOneCopyWhenTheSameDeduplicationTokenIsSentTwice() throws SQLException {
    try (EmbeddedClickHouse clickHouse =
        EmbeddedClickHouse.builder().dataDirectory(dataDirectory).build().start()) {
      try (Connection connection = connect(clickHouse.jdbcUrl())) {
        execute(connection, DEDUPLICATED_TABLE);
      }
      insertBatch(clickHouse, "clickhouse_setting_insert_deduplication_token=batch-1");
      insertBatch(clickHouse, "clickhouse_setting_insert_deduplication_token=batch-1");
      try (Connection connection = connect(clickHouse.jdbcUrl())) {
        assertThat(count(connection, "SELECT count() FROM spend")).isEqualTo(3);
      }
      insertBatch(clickHouse, "clickhouse_setting_insert_deduplication_token=batch-2");
      try (Connection connection = connect(clickHouse.jdbcUrl())) {
        assertThat(count(connection, "SELECT count() FROM spend")).isEqualTo(6);
        // The token applied to those inserts only: a plain insert afterwards is not deduplicated
        // against them.
        execute(connection, "INSERT INTO spend VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        assertThat(count(connection, "SELECT count() FROM spend")).isEqualTo(9);
      }
    }
  }

  @Test
  void shouldKeepDataAcrossARestartOnTheSameDirectory() throws SQLException {
    try (EmbeddedClickHouse first =
            EmbeddedClickHouse.builder().dataDirectory(dataDirectory).build().start();
        Connection connection = connect(first.jdbcUrl())) {
      execute(connection, "CREATE DATABASE billing");
      execute(
          connection,
          "CREATE TABLE billing.usage (id UInt64, tenant String) ENGINE = MergeTree ORDER BY id");
      execute(connection, "INSERT INTO billing.usage VALUES (1, 'acme'), (2, 'globex')");
    }
    try (EmbeddedClickHouse second =
            EmbeddedClickHouse.builder().dataDirectory(dataDirectory).build().start();
        Connection connection = connect(second.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT id, tenant FROM billing.usage ORDER BY id")) {
      List<String> seen = new ArrayList<>();
      while (rows.next()) {
        seen.add(rows.getLong(1) + ":" + rows.getString(2));
      }
      assertThat(seen).containsExactly("1:acme", "2:globex");
    }
  }

  private static void insertBatch(EmbeddedClickHouse clickHouse, String setting)
      throws SQLException {
    try (Connection connection = connect(withParameters(clickHouse.jdbcUrl(), setting));
        PreparedStatement insert = connection.prepareStatement("INSERT INTO spend VALUES (?, ?)")) {
      for (int id = 1; id <= 3; id++) {
        insert.setLong(1, id);
        insert.setString(2, "tenant-" + id);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
