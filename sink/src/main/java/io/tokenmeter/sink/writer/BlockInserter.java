package io.tokenmeter.sink.writer;

import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.sql.Connection;
import java.util.List;

/** One way of sending a block of rows through clickhouse-jdbc; see {@link InsertPath}. */
interface BlockInserter {

  /**
   * Per-insert server settings: the token, plus deduplication in the materialized views fed by the
   * table, so a block dropped as a duplicate is not counted again in the daily rollup.
   */
  String TOKEN_SETTING = "insert_deduplication_token";

  String VIEWS_DEDUP_SETTING = "deduplicate_blocks_in_dependent_materialized_views";

  void insert(Connection connection, SinkTable table, List<Row> rows, String dedupToken)
      throws Exception;

  static BlockInserter of(InsertPath path) {
    return switch (path) {
      case VALUES -> new ValuesInserter();
      case ROW_BINARY -> new RowBinaryInserter();
    };
  }
}
