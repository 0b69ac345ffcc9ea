package io.tokenmeter.sink.writer;

import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One way of sending a block of rows through clickhouse-jdbc; see {@link InsertPath}. */
interface BlockInserter {

  /**
   * Per-insert server settings: the token, plus deduplication in the materialized views fed by the
   * table, so a block dropped as a duplicate is not counted again in the daily rollup.
   */
  String TOKEN_SETTING = "insert_deduplication_token";

  String VIEWS_DEDUP_SETTING = "deduplicate_blocks_in_dependent_materialized_views";

  /**
   * {@code optimize_on_insert = 0} skips ReplacingMergeTree's merge of each inserted block with
   * itself. On priced usage that merge only ever removes an upstream replay that landed in the same
   * batch (rare), reads that must be exact use {@code FINAL} anyway, and skipping it made a
   * 10,000-row insert about 25 % faster on chdb 26.5 (issue 7). The other tables keep it: an
   * aggregates batch often carries several revisions of one window, which it collapses at once.
   */
  String INSERT_MERGE_SETTING = "optimize_on_insert";

  /**
   * {@code async_insert = 0}: the insert returns only once its block is stored, and the dedup token
   * is honoured. A server whose profile turns async inserts on (chdb 26.5 reports {@code
   * async_insert = 1} in system.settings) would otherwise acknowledge rows still in its buffer and
   * skip token deduplication unless {@code async_insert_deduplicate} is set: offsets would be
   * committed before the rows are safe.
   */
  String ASYNC_INSERT_SETTING = "async_insert";

  /** The per-insert server settings for {@code table}, in the order they are sent. */
  static Map<String, String> serverSettings(SinkTable table) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(VIEWS_DEDUP_SETTING, "1");
    settings.put(ASYNC_INSERT_SETTING, "0");
    if (table == SinkTable.PRICED_USAGE) {
      settings.put(INSERT_MERGE_SETTING, "0");
    }
    return settings;
  }

  void insert(Connection connection, SinkTable table, List<Row> rows, String dedupToken)
      throws Exception;

  static BlockInserter of(InsertPath path) {
    return switch (path) {
      case VALUES -> new ValuesInserter();
      case ROW_BINARY -> new RowBinaryInserter();
    };
  }
}
