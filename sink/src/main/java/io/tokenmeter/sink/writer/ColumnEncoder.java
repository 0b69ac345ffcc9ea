package io.tokenmeter.sink.writer;

/**
 * Writes one column's value in RowBinary. Built once per table column by {@link ColumnEncoders}, so
 * the per-value work is a direct write with no type lookup.
 */
@FunctionalInterface
interface ColumnEncoder {

  /**
   * Appends {@code value} (never null: {@link ColumnEncoders} handles {@code Nullable}).
   *
   * @throws IllegalArgumentException when the value does not fit the column's type
   */
  void write(RowBinaryBuffer out, Object value);
}
