package io.tokenmeter.embedded.clickhouse.it;

import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.connect;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.count;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.execute;
import static io.tokenmeter.embedded.clickhouse.it.JdbcSupport.withParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.ServerException;
import io.tokenmeter.embedded.clickhouse.EmbeddedClickHouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official clickhouse-jdbc 0.9.4 driver against the endpoint backed by the real chdb engine.
 */
class JdbcProtocolIT {

  @TempDir static Path dataDirectory;
  private static EmbeddedClickHouse clickHouse;

  @BeforeAll
  static void start() {
    clickHouse =
        EmbeddedClickHouse.builder()
            .dataDirectory(dataDirectory)
            .user("default", "")
            .user("alice", "s3cret:wörd")
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    clickHouse.close();
  }

  @Test
  void shouldRunDdlAndReportItsResults() throws SQLException {
    try (Connection connection = connect(clickHouse.jdbcUrl());
        Statement statement = connection.createStatement()) {
      assertThat(
              statement.execute(
                  "CREATE TABLE ddl_probe (id UInt64, name String) ENGINE = MergeTree ORDER BY id"))
          .isFalse();
      assertThat(count(connection, "EXISTS TABLE ddl_probe")).isEqualTo(1);
      assertThat(statement.executeUpdate("DROP TABLE ddl_probe")).isZero();
      assertThat(count(connection, "EXISTS TABLE ddl_probe")).isZero();
    }
  }

  @Test
  void shouldReportWrittenRowsAsUpdateCounts() throws SQLException {
    try (Connection connection = connect(clickHouse.jdbcUrl());
        Statement statement = connection.createStatement()) {
      execute(connection, "CREATE TABLE counts (id UInt64) ENGINE = MergeTree ORDER BY id");
      assertThat(statement.executeUpdate("INSERT INTO counts VALUES (1), (2)")).isEqualTo(2);
      statement.addBatch("INSERT INTO counts VALUES (3)");
      statement.addBatch("INSERT INTO counts VALUES (4), (5)");
      statement.addBatch(
          "CREATE TABLE IF NOT EXISTS counts (id UInt64) ENGINE = MergeTree ORDER BY id");
      assertThat(statement.executeBatch()).containsExactly(1, 2, 0);
      assertThat(count(connection, "SELECT sum(id) FROM counts")).isEqualTo(15);
    }
  }

  @Test
  void shouldSurfaceASyntaxErrorWithClickHouseCode62() throws SQLException {
    try (Connection connection = connect(clickHouse.jdbcUrl());
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELEC 1 FROM"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Code: 62")
          .cause()
          .isInstanceOfSatisfying(
              ServerException.class, cause -> assertThat(cause.getCode()).isEqualTo(62));
    }
  }

  @Test
  void shouldSurfaceAnUnknownTableWithItsCodeAndKeepTheConnectionUsable() throws SQLException {
    try (Connection connection = connect(clickHouse.jdbcUrl());
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
          .isInstanceOf(SQLException.class)
          .cause()
          .isInstanceOfSatisfying(
              ServerException.class,
              cause -> {
                assertThat(cause.getCode()).isEqualTo(60);
                assertThat(cause.getTransportProtocolCode()).isEqualTo(404);
              });
      assertThat(count(connection, "SELECT 7")).isEqualTo(7);
    }
  }

  @Test
  void shouldRejectAWrongPassword() {
    Properties credentials = new Properties();
    credentials.setProperty("user", "alice");
    credentials.setProperty("password", "wrong");
    assertThatThrownBy(() -> count(connect(clickHouse.jdbcUrl(), credentials), "SELECT 1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Authentication failed")
        .cause()
        .isInstanceOfSatisfying(
            ServerException.class, cause -> assertThat(cause.getCode()).isEqualTo(516));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http_use_basic_auth=true", "http_use_basic_auth=false"})
  void shouldAcceptTheRightPasswordInBasicAuthAndClickHouseHeaders(String mode)
      throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", "alice");
    credentials.setProperty("password", "s3cret:wörd");
    try (Connection connection = connect(withParameters(clickHouse.jdbcUrl(), mode), credentials)) {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT currentUser()")) {
        assertThat(rows.next()).isTrue();
        // chdb runs every query as its own user; the endpoint authenticates, it does not
        // impersonate.
        assertThat(rows.getString(1)).isNotNull();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "compress=1",
        "compress=0",
        "decompress=1",
        "compress=0&decompress=1",
        "client.use_http_compression=true",
        "client.use_http_compression=true&decompress=1"
      })
  void shouldServeEveryCompressionMode(String mode) throws SQLException {
    String table = "compression_" + Integer.toHexString(mode.hashCode());
    try (Connection connection = connect(withParameters(clickHouse.jdbcUrl(), mode))) {
      execute(connection, "CREATE TABLE " + table + " (id UInt64, s String) ENGINE = Memory");
      try (var insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
        for (int i = 0; i < 3000; i++) {
          insert.setLong(1, i);
          insert.setString(2, "row-" + i);
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).hasSize(3000).containsOnly(1);
      }
      List<String> seen = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT id, s FROM " + table + " ORDER BY id")) {
        while (rows.next()) {
          seen.add(rows.getLong(1) + ":" + rows.getString(2));
        }
      }
      assertThat(seen).hasSize(3000).startsWith("0:row-0").endsWith("2999:row-2999");
      assertThatThrownBy(() -> count(connection, "SELECT no_such_column FROM " + table))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no_such_column");
    }
  }

  @Test
  void shouldServeConcurrentConnectionsWithoutMixingTheirResults() throws Exception {
    try (Connection connection = connect(clickHouse.jdbcUrl())) {
      execute(connection, "CREATE TABLE concurrent (worker UInt32, n UInt32) ENGINE = Memory");
    }
    int workers = 6;
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(workers)) {
      List<java.util.concurrent.Future<Long>> sums = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        sums.add(
            pool.submit(
                () -> {
                  try (Connection connection = connect(clickHouse.jdbcUrl());
                      var insert =
                          connection.prepareStatement("INSERT INTO concurrent VALUES (?, ?)")) {
                    for (int round = 0; round < 5; round++) {
                      for (int n = 1; n <= 100; n++) {
                        insert.setInt(1, worker);
                        insert.setInt(2, n);
                        insert.addBatch();
                      }
                      insert.executeBatch();
                    }
                    return count(
                        connection, "SELECT sum(n) FROM concurrent WHERE worker = " + worker);
                  }
                }));
      }
      for (var sum : sums) {
        // Each worker's own rows are all there by the time it reads them: 5 x (1 + ... + 100).
        assertThat(sum.get()).isEqualTo(5 * 5050L);
      }
    }
  }

  @Test
  void shouldUseTheSchemaTheConnectionSelects() throws SQLException {
    try (Connection connection = connect(clickHouse.jdbcUrl())) {
      execute(connection, "CREATE DATABASE IF NOT EXISTS reporting");
      execute(
          connection,
          "CREATE TABLE reporting.daily (day Date, spend Decimal(38, 12)) ENGINE = Memory");
      connection.setSchema("reporting");
      execute(connection, "INSERT INTO daily VALUES ('2026-01-01', 1.5)");
      assertThat(count(connection, "SELECT count() FROM daily")).isEqualTo(1);
    }
  }

  @Test
  void shouldDescribeAPreparedQueryBeforeItRuns() throws SQLException {
    try (Connection connection = connect(clickHouse.jdbcUrl())) {
      execute(connection, "CREATE TABLE daily (day Date, spend Decimal(38, 12)) ENGINE = Memory");
      try (PreparedStatement select =
          connection.prepareStatement("SELECT day, spend FROM daily WHERE spend > ?")) {
        var metaData = select.getMetaData();
        assertThat(metaData.getColumnCount()).isEqualTo(2);
        assertThat(metaData.getColumnName(2)).isEqualTo("spend");
      }
    }
  }

  @Test
  void shouldAnswerIsValidAndDatabaseMetaData() throws SQLException {
    try (Connection connection = connect(clickHouse.jdbcUrl())) {
      execute(connection, "CREATE TABLE meta_probe (id UInt64) ENGINE = MergeTree ORDER BY id");
      assertThat(connection.isValid(5)).isTrue();
      var metaData = connection.getMetaData();
      assertThat(metaData.getDatabaseMajorVersion()).isEqualTo(26);
      try (ResultSet tables = metaData.getTables(null, "default", "meta_probe", null)) {
        assertThat(tables.next()).isTrue();
        assertThat(tables.getString("TABLE_NAME")).isEqualTo("meta_probe");
      }
    }
  }
}
