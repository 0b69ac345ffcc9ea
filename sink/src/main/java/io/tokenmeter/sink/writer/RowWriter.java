package io.tokenmeter.sink.writer;

import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where rows go: ClickHouse through JDBC in production ({@link JdbcRowWriter}), memory in tests.
 * Implementations throw whatever their client throws; {@link
 * io.tokenmeter.sink.error.ErrorClassifier} decides what a failure means.
 */
public interface RowWriter extends AutoCloseable {

  /**
   * Inserts the rows as one block with the given dedup token: either all land or none; a second
   * call with the same token and table is dropped by the table.
   */
  void insert(SinkTable table, List<Row> rows, String dedupToken) throws Exception;

  /** The highest {@code kafka_offset} stored for the topic partition in the table, if any. */
  OptionalLong highestOffset(SinkTable table, String topic, int partition) throws Exception;

  @Override
  void close();
}
