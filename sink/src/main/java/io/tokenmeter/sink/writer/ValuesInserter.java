package io.tokenmeter.sink.writer;

import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.jdbc.StatementImpl;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batched {@code PreparedStatement}: clickhouse-jdbc 0.9.4 sends every added row in one {@code
 * INSERT ... VALUES (..),(..)} text. The token is a per-statement server setting (the statement's
 * local settings, which this path sends with the query), so one connection serves every batch.
 */
final class ValuesInserter implements BlockInserter {

  @Override
  public void insert(Connection connection, SinkTable table, List<Row> rows, String dedupToken)
      throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql(table))) {
      QuerySettings settings = statement.unwrap(StatementImpl.class).getLocalSettings();
      settings.serverSetting(TOKEN_SETTING, dedupToken);
      BlockInserter.serverSettings(table).forEach(settings::serverSetting);
      for (Row row : rows) {
        List<Object> values = row.values();
        for (int i = 0; i < values.size(); i++) {
          statement.setObject(i + 1, literal(values.get(i)));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  static String sql(SinkTable table) {
    return "INSERT INTO "
        + table.tableName()
        + " ("
        + String.join(", ", table.columns())
        + ") VALUES ("
        + String.join(", ", Collections.nCopies(table.columns().size(), "?"))
        + ")";
  }

  /**
   * The driver writes a BigDecimal with {@code toString()}, which switches to exponent notation for
   * small amounts (1E-12); money goes out as plain digits instead.
   */
  static Object literal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return new PlainDecimal(decimal);
    }
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      Map<Object, Object> adapted = new LinkedHashMap<>();
      map.forEach((k, v) -> adapted.put(k, literal(v)));
      return adapted;
    }
    return value;
  }

  /** A decimal whose text is {@link BigDecimal#toPlainString()}: what the driver inlines. */
  record PlainDecimal(BigDecimal value) {
    @Override
    public String toString() {
      return value.toPlainString();
    }
  }
}
