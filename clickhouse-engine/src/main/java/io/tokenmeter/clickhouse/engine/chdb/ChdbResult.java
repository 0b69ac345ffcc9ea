package io.tokenmeter.clickhouse.engine.chdb;

/**
 * One chdb query result, copied out of native memory (the native result is already freed).
 *
 * @param body the formatted result bytes; empty on error
 * @param error chdb's error text, or {@code null} when the query succeeded
 * @param resultRows rows in {@code body} ({@code chdb_result_rows_read})
 * @param storageRowsRead rows read from storage ({@code chdb_result_storage_rows_read})
 * @param storageBytesRead bytes read from storage ({@code chdb_result_storage_bytes_read})
 * @param rowsWritten rows an INSERT wrote ({@code chdb_result_rows_written})
 * @param elapsedSeconds the engine's own timing ({@code chdb_result_elapsed})
 */
record ChdbResult(
    byte[] body,
    String error,
    long resultRows,
    long storageRowsRead,
    long storageBytesRead,
    long rowsWritten,
    double elapsedSeconds) {

  boolean failed() {
    return error != null;
  }
}
