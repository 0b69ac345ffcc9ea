package io.tokenmeter.sink.row;

import java.util.Collections;
import java.util.List;

/**
 * One row for one table, every column in table order (the Kafka source columns last).
 *
 * @param table where it goes
 * @param offset the Kafka offset of the record it came from
 * @param values one value per {@link SinkTable#columns()} entry; null for SQL NULL
 */
public record Row(SinkTable table, long offset, List<Object> values) {

  public Row {
    if (values.size() != table.columns().size()) {
      throw new IllegalArgumentException(
          table.tableName()
              + " has "
              + table.columns().size()
              + " columns but the row has "
              + values.size()
              + " values");
    }
    // Not List.copyOf: SQL NULLs are null values.
    values = Collections.unmodifiableList(values);
  }
}
