package io.tokenmeter.sink.writer;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * RowBinary through the driver's own client (the wire format of {@code
 * beta.row_binary_for_simple_insert}): typed binary values, no SQL text to build or parse. The JDBC
 * statement on that beta path ignores per-statement settings, so the sink calls the client directly
 * to pass the token with each insert. The insert names its columns, so a table that has gained
 * columns since this sink started (a newer sink migrated it) still parses the body. The body is
 * encoded by {@link RowBinaryEncoder} (compiled once per table from the described schema) into one
 * reused buffer, and sent without a copy. Not thread-safe: one per {@link JdbcRowWriter}.
 */
final class RowBinaryInserter implements BlockInserter {

  private final Map<SinkTable, RowBinaryEncoder> encoders = new EnumMap<>(SinkTable.class);
  private final RowBinaryBuffer body = new RowBinaryBuffer();

  @Override
  public void insert(Connection connection, SinkTable table, List<Row> rows, String dedupToken)
      throws Exception {
    Client client = connection.unwrap(ConnectionImpl.class).getClient();
    RowBinaryEncoder encoder = encoders.get(table);
    if (encoder == null) {
      encoder = RowBinaryEncoder.of(table, client.getTableSchema(table.tableName()));
      encoders.put(table, encoder);
    }
    body.clear();
    encoder.encode(rows, body);
    InsertSettings settings = new InsertSettings();
    settings.setDeduplicationToken(dedupToken);
    BlockInserter.serverSettings(table).forEach(settings::serverSetting);
    // Returns once ClickHouse has the block (or dropped it as a duplicate of the same token).
    InsertResponse response =
        client
            .insert(
                table.tableName(),
                encoder.columns(),
                body.asInputStream(),
                ClickHouseFormat.RowBinary,
                settings)
            .get();
    response.close();
  }
}
