package io.tokenmeter.embedded.clickhouse.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens clickhouse-jdbc 0.9.4 connections the way an application would. */
final class JdbcSupport {

  private JdbcSupport() {}

  static Connection connect(String jdbcUrl) throws SQLException {
    return connect(jdbcUrl, new Properties());
  }

  static Connection connect(String jdbcUrl, Properties properties) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static String withParameters(String jdbcUrl, String parameters) {
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + parameters;
  }
}
