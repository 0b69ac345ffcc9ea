package io.tokenmeter.sink;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Small read-back helpers for integration tests, plus a poll loop (no Awaitility here). */
final class ClickHouseReads implements AutoCloseable {

  private final Connection connection;

  ClickHouseReads(String jdbcUrl) throws SQLException {
    this.connection = DriverManager.getConnection(jdbcUrl);
  }

  Connection connection() {
    return connection;
  }

  long count(String sql) {
    return Long.parseLong(single(sql));
  }

  BigDecimal decimal(String sql) {
    return new BigDecimal(single(sql));
  }

  /** The first column of the first row, as text (toString(...) in SQL keeps decimals exact). */
  String single(String sql) {
    List<String> rows = column(sql);
    if (rows.isEmpty()) {
      throw new AssertionError("no row for " + sql);
    }
    return rows.getFirst();
  }

  List<String> column(String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + sql, e);
    }
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Polls until the condition holds or fails the test after {@code timeout}. */
  static void awaitTrue(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
