package io.tokenmeter.sink;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.sink.writer.InsertPath;
import io.tokenmeter.sink.writer.JdbcRowWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How each {@link SinkThroughputIT} mode inserts a run's batches into the priced usage table: what
 * can be done beforehand is done in {@link #prepare}, and only the returned work is timed.
 */
final class BenchInserts {

  /** Same columns, Null engine: what parsing the rows costs the engine, nothing stored. */
  static final String NULL_TABLE = "bench_priced_usage_null";

  private static final String TABLE = SinkTable.PRICED_USAGE.tableName();

  /** What the sink sends with each priced usage insert besides its token. */
  private static final Map<String, String> SINK_SETTINGS =
      JdbcRowWriter.serverSettings(SinkTable.PRICED_USAGE);

  /** The timed part of a mode. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /** The timed work, and staged files to delete after it. */
  record Prepared(Work work, List<Path> stagedFiles) {}

  private BenchInserts() {}

  static Prepared prepare(String mode, Connection connection, List<List<Row>> batches, String run)
      throws Exception {
    Client client = connection.unwrap(ConnectionImpl.class).getClient();
    return switch (mode) {
      case "ENGINE_NULL" -> fromFiles(client, NULL_TABLE, bodies(client, batches), run);
      case "ENGINE_INFILE" -> fromFiles(client, TABLE, bodies(client, batches), run);
      case "RAW_ROW_BINARY" -> raw(client, bodies(client, batches), run);
      case "ROW_BINARY_BEFORE" -> before(client, batches, run);
      default -> sink(connection, InsertPath.valueOf(mode), batches, run);
    };
  }

  /** The rows a mode leaves in the priced usage table under the run's topic. */
  static long expectedRows(String mode, int rows) {
    return switch (mode) {
      case "ENGINE_NULL" -> 0;
      // The sink modes also write their warm-up row.
      case "ROW_BINARY", "VALUES" -> rows + 1L;
      default -> rows;
    };
  }

  /** The engine without an HTTP body: bodies staged as files, read with FROM INFILE. */
  private static Prepared fromFiles(Client client, String table, List<byte[]> bodies, String run)
      throws Exception {
    List<Path> files = new ArrayList<>();
    for (byte[] body : bodies) {
      Path file = Files.createTempFile("sink-bench-", ".bin");
      Files.write(file, body);
      files.add(file);
    }
    Work work =
        () -> {
          int i = 0;
          for (Path file : files) {
            QuerySettings settings = new QuerySettings();
            settings.serverSetting("insert_deduplication_token", "infile/" + run + "/" + i++);
            SINK_SETTINGS.forEach(settings::serverSetting);
            String sql =
                "INSERT INTO "
                    + table
                    + " FROM INFILE '"
                    + file.toAbsolutePath()
                    + "' COMPRESSION 'none' FORMAT RowBinary";
            client.query(sql, settings).get().close();
          }
        };
    return new Prepared(work, files);
  }

  private static Prepared raw(Client client, List<byte[]> bodies, String run) {
    Work work =
        () -> {
          int i = 0;
          for (byte[] body : bodies) {
            InsertSettings settings = new InsertSettings();
            settings.setDeduplicationToken("raw/" + run + "/" + i++);
            SINK_SETTINGS.forEach(settings::serverSetting);
            insert(client, body, settings);
          }
        };
    return new Prepared(work, List.of());
  }

  /**
   * The sink's RowBinary inserter before issue 7: the driver's generic writer per batch, the
   * in-insert merge on. Kept to show before and after under the same load.
   */
  private static Prepared before(Client client, List<List<Row>> batches, String run)
      throws Exception {
    TableSchema schema = client.getTableSchema(TABLE);
    rowBinary(schema, batches.getFirst().subList(0, 1));
    Work work =
        () -> {
          int i = 0;
          for (List<Row> batch : batches) {
            InsertSettings settings = new InsertSettings();
            settings.setDeduplicationToken("before/" + run + "/" + i++);
            settings.serverSetting("deduplicate_blocks_in_dependent_materialized_views", "1");
            insert(client, rowBinary(schema, batch), settings);
          }
        };
    return new Prepared(work, List.of());
  }

  private static Prepared sink(
      Connection connection, InsertPath path, List<List<Row>> batches, String run)
      throws Exception {
    JdbcRowWriter writer = new JdbcRowWriter(connection, path);
    writer.insert(SinkTable.PRICED_USAGE, batches.getFirst().subList(0, 1), "warm/" + run);
    Work work =
        () -> {
          int i = 0;
          for (List<Row> batch : batches) {
            writer.insert(SinkTable.PRICED_USAGE, batch, "bench/" + run + "/" + i++);
          }
        };
    return new Prepared(work, List.of());
  }

  private static void insert(Client client, byte[] body, InsertSettings settings) throws Exception {
    client
        .insert(TABLE, new ByteArrayInputStream(body), ClickHouseFormat.RowBinary, settings)
        .get()
        .close();
  }

  /** Bodies for the reference modes, encoded with the driver's writer before timing. */
  private static List<byte[]> bodies(Client client, List<List<Row>> batches) throws Exception {
    TableSchema schema = client.getTableSchema(TABLE);
    List<byte[]> bodies = new ArrayList<>();
    for (List<Row> batch : batches) {
      bodies.add(rowBinary(schema, batch));
    }
    return bodies;
  }

  private static byte[] rowBinary(TableSchema schema, List<Row> rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowBinaryFormatWriter writer =
        new RowBinaryFormatWriter(out, schema, ClickHouseFormat.RowBinary);
    for (Row row : rows) {
      for (int i = 0; i < row.values().size(); i++) {
        writer.setValue(i + 1, row.values().get(i));
      }
      writer.commitRow();
    }
    return out.toByteArray();
  }
}
