package io.tokenmeter.sink.writer;

import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.data.ClickHouseColumn;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes rows of one table as a RowBinary body, column encoders compiled once from the table's
 * schema. It replaces the driver's generic {@code RowBinaryFormatWriter}, which looks each value's
 * type up per call and was as slow as the insert itself (about 60-320 ms per 10,000 priced usage
 * rows, measured for issue 7); the bytes are the same (RowBinaryEncoderTest compares them).
 */
final class RowBinaryEncoder {

  private final SinkTable table;
  private final List<String> names;
  private final ColumnEncoder[] encoders;

  private RowBinaryEncoder(SinkTable table, List<String> names, ColumnEncoder[] encoders) {
    this.table = table;
    this.names = names;
    this.encoders = encoders;
  }

  /**
   * For {@code table} as ClickHouse describes it: the sink's columns ({@link SinkTable#columns()}),
   * in that order, with the types ClickHouse gives them. Columns the table has beyond those are
   * left out (the insert names its columns, so they take their defaults): a sink of the previous
   * version keeps writing while a newer one has added columns, during a rolling upgrade.
   *
   * @throws IllegalArgumentException when the table lacks a column the sink writes, or a type is
   *     not supported
   */
  static RowBinaryEncoder of(SinkTable table, TableSchema schema) {
    Map<String, ClickHouseColumn> byName = new HashMap<>();
    schema.getColumns().forEach(column -> byName.put(column.getColumnName(), column));
    List<String> missing =
        table.columns().stream().filter(name -> !byName.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          table.tableName()
              + " in ClickHouse has no columns "
              + missing
              + " that the sink writes (it has "
              + byName.keySet()
              + "); apply the sink's migrations or update SinkTable");
    }
    List<String> names = table.columns();
    ColumnEncoder[] encoders = new ColumnEncoder[names.size()];
    for (int i = 0; i < encoders.length; i++) {
      encoders[i] = ColumnEncoders.forColumn(byName.get(names.get(i)));
    }
    return new RowBinaryEncoder(table, names, encoders);
  }

  /** The columns each row's values are written for, in order (the insert's column list). */
  List<String> columns() {
    return names;
  }

  /**
   * Appends {@code rows} to {@code out}.
   *
   * @throws RowEncodingException naming the row's offset and the column, for a value that does not
   *     fit (the batch is then re-sent row by row to dead-letter only that row)
   */
  void encode(List<Row> rows, RowBinaryBuffer out) {
    for (Row row : rows) {
      List<Object> values = row.values();
      for (int i = 0; i < encoders.length; i++) {
        try {
          encoders[i].write(out, values.get(i));
        } catch (RuntimeException e) {
          throw new RowEncodingException(
              "cannot encode column "
                  + names.get(i)
                  + " of the row of offset "
                  + row.offset()
                  + " for "
                  + table.tableName()
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
    }
  }
}
