package io.tokenmeter.sink.writer;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RowBinary through the driver's own client (the body {@code beta.row_binary_for_simple_insert}
 * sends): typed binary values, no SQL text to build or parse. The JDBC statement on that beta path
 * ignores per-statement settings, so the sink calls the client directly to pass the token with each
 * insert. The table schema is described once per table and cached.
 */
final class RowBinaryInserter implements BlockInserter {

  private final Map<SinkTable, TableSchema> schemas = new ConcurrentHashMap<>();

  @Override
  public void insert(Connection connection, SinkTable table, List<Row> rows, String dedupToken)
      throws Exception {
    Client client = connection.unwrap(ConnectionImpl.class).getClient();
    TableSchema schema = schemas.computeIfAbsent(table, t -> client.getTableSchema(t.tableName()));
    ByteArrayOutputStream body = new ByteArrayOutputStream(rows.size() * 256);
    RowBinaryFormatWriter writer =
        new RowBinaryFormatWriter(body, schema, ClickHouseFormat.RowBinary);
    for (Row row : rows) {
      List<Object> values = row.values();
      try {
        for (int i = 0; i < values.size(); i++) {
          writer.setValue(i + 1, values.get(i));
        }
        writer.commitRow();
      } catch (RuntimeException e) {
        throw new RowEncodingException(
            "cannot encode the row of offset " + row.offset() + " for " + table.tableName(), e);
      }
    }
    InsertSettings settings = new InsertSettings();
    settings.setDeduplicationToken(dedupToken);
    settings.serverSetting(VIEWS_DEDUP_SETTING, "1");
    // Returns once ClickHouse has the block (or dropped it as a duplicate of the same token).
    InsertResponse response =
        client
            .insert(
                table.tableName(),
                new ByteArrayInputStream(body.toByteArray()),
                ClickHouseFormat.RowBinary,
                settings)
            .get();
    response.close();
  }
}
