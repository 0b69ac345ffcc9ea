package io.tokenmeter.clickhouse.engine;

/**
 * The complete result of one query.
 *
 * @param body the result bytes in {@code format}; empty for statements without a result
 * @param format the format the body is in (the requested one, or the one a {@code FORMAT} clause
 *     named)
 * @param resultRows rows in {@code body}; for an {@code INSERT ... FORMAT X} with data, the rows of
 *     the data (as ClickHouse's {@code result_rows}); 0 for other statements without a result
 * @param rowsRead rows read from storage
 * @param bytesRead bytes read from storage
 * @param rowsWritten rows written by an INSERT (0 otherwise); becomes the JDBC update count
 * @param elapsedNanos time the engine spent on the query
 */
public record QueryResult(
    byte[] body,
    String format,
    long resultRows,
    long rowsRead,
    long bytesRead,
    long rowsWritten,
    long elapsedNanos) {}
