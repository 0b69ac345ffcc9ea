package io.tokenmeter.e2e;

import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the pipeline's final state back from ClickHouse. Decimals travel as text ({@code
 * toString(...)} in SQL), so nothing passes through a double.
 */
final class ClickHouseReads implements AutoCloseable {

  /**
   * A read that takes longer than this fails instead of blocking a wait forever: a poll loop can
   * only honour its deadline between reads, and a hung server would otherwise hang the build.
   */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private final Connection connection;

  private final Duration readTimeout;

  ClickHouseReads(String jdbcUrl) throws SQLException {
    this(jdbcUrl, READ_TIMEOUT);
  }

  ClickHouseReads(String jdbcUrl, Duration readTimeout) throws SQLException {
    this.readTimeout = readTimeout;
    Properties properties = new Properties();
    properties.setProperty("socket_timeout", Long.toString(readTimeout.toMillis()));
    this.connection = DriverManager.getConnection(jdbcUrl, properties);
  }

  long count(String sql) {
    return Long.parseLong(single(sql));
  }

  /**
   * Like {@link #count} but 0 while the query fails, e.g. while a table does not exist yet (the
   * sink creates it). A read that timed out is not "not yet": ClickHouse stopped answering (seen: a
   * chdb query that never returned), so that fails at once instead of after the caller's deadline.
   */
  long countOrZero(String sql) {
    try {
      return count(sql);
    } catch (AssertionError failed) {
      if (timedOut(failed)) {
        throw new AssertionError(
            "ClickHouse did not answer within " + readTimeout + " (hung?): " + sql, failed);
      }
      return 0;
    }
  }

  static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  String single(String sql) {
    Map<String, String> rows = pairs(sql);
    if (rows.isEmpty()) {
      throw new AssertionError("no row for " + sql);
    }
    return rows.keySet().iterator().next();
  }

  BigDecimal decimal(String sql) {
    return new BigDecimal(single(sql));
  }

  /** First column to second column (or to "" for a one-column query), in result order. */
  Map<String, String> pairs(String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      Map<String, String> rows = new LinkedHashMap<>();
      boolean twoColumns = result.getMetaData().getColumnCount() > 1;
      while (result.next()) {
        String previous = rows.put(result.getString(1), twoColumns ? result.getString(2) : "");
        if (previous != null) {
          throw new AssertionError("duplicate key " + result.getString(1) + " in " + sql);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + sql, e);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
