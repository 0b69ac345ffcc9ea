package io.tokenmeter.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the pipeline's final state back from ClickHouse. Decimals travel as text ({@code
 * toString(...)} in SQL), so nothing passes through a double.
 */
final class ClickHouseReads implements AutoCloseable {

  private final Connection connection;

  ClickHouseReads(String jdbcUrl) throws SQLException {
    this.connection = DriverManager.getConnection(jdbcUrl);
  }

  long count(String sql) {
    return Long.parseLong(single(sql));
  }

  /** Like {@link #count} but 0 while a table does not exist yet (the sink creates it). */
  long countOrZero(String sql) {
    try {
      return count(sql);
    } catch (AssertionError notYet) {
      return 0;
    }
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
