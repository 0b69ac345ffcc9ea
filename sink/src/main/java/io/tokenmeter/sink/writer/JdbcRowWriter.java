package io.tokenmeter.sink.writer;

import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows to ClickHouse through clickhouse-jdbc 0.9.4, on one connection (an HTTP client with a
 * connection pool: it survives server restarts, nothing needs reconnecting). Not thread-safe; one
 * per sink loop.
 */
public final class JdbcRowWriter implements RowWriter {

  private static final Logger LOGGER = LoggerFactory.getLogger(JdbcRowWriter.class);

  private final Connection connection;
  private final BlockInserter inserter;

  public JdbcRowWriter(Connection connection, InsertPath path) {
    this.connection = connection;
    this.inserter = BlockInserter.of(path);
  }

  /**
   * The server settings sent with every insert into {@code table} besides its dedup token (what a
   * benchmark must send too, to compare like with like).
   */
  public static Map<String, String> serverSettings(SinkTable table) {
    return Map.copyOf(BlockInserter.serverSettings(table));
  }

  @Override
  public void insert(SinkTable table, List<Row> rows, String dedupToken) throws Exception {
    if (rows.isEmpty()) {
      return;
    }
    inserter.insert(connection, table, rows, dedupToken);
  }

  @Override
  public OptionalLong highestOffset(SinkTable table, String topic, int partition)
      throws SQLException {
    String sql =
        "SELECT max(kafka_offset), count() FROM "
            + table.tableName()
            + " WHERE kafka_topic = ? AND kafka_partition = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, topic);
      statement.setInt(2, partition);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(2) == 0 ? OptionalLong.empty() : OptionalLong.of(result.getLong(1));
      }
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      LOGGER.warn("Closing the ClickHouse connection failed", e);
    }
  }
}
