package io.tokenmeter.sink.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.data.ClickHouseColumn;
import com.clickhouse.data.ClickHouseFormat;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.fixtures.AvroBytes;
import io.tokenmeter.sink.fixtures.MigratedColumns;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.sink.row.UnpricedStatus;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sink's own RowBinary encoder against the driver's generic writer as the oracle. */
class RowBinaryEncoderTest {

  private final AvroBytes avro = new AvroBytes("encoder-" + UUID.randomUUID());
  private final SinkTopics topics = SinkTopics.defaults();
  private final RecordConverter converter =
      new RecordConverter(
          topics, avro.registry(), avro.serdeConfigs(), new ErrorClassifier(), Clock.systemUTC());

  @AfterEach
  void dropRegistry() {
    avro.close();
  }

  @Test
  void shouldWriteTheSameBytesAsTheDriverForARowOfEveryTable() throws Exception {
    List<Row> rows =
        List.of(
            row(topics.pricedUsage(), SampleRecords.priced("e-1", "acme", "0.123456789012")),
            row(topics.aggregates(), SampleRecords.aggregate("acme", 3, "12.5")),
            row(topics.budgetAlerts(), SampleRecords.alert("acme", 80)),
            row(topics.unpricedUsage(), SampleRecords.unpriced("e-2", "acme")),
            row(topics.deadLetters(), SampleRecords.deadLetter(17)));
    for (Row row : rows) {
      TableSchema schema = schemaFromMigrations(row.table());

      assertThat(encoded(schema, List.of(row)))
          .as(row.table().tableName())
          .isEqualTo(driverEncoded(schema, List.of(row)));
    }
  }

  @Test
  void shouldWriteTheSameBytesAsTheDriverForResolvedAndWaitingUnpricedRows() throws Exception {
    TableSchema schema = schemaFromMigrations(SinkTable.UNPRICED_USAGE);
    UnpricedUsage parked = SampleRecords.unpriced("e-3", "acme");
    RecordHeaders resolvedHeaders = new RecordHeaders();
    resolvedHeaders.add(UnpricedStatus.STATUS_HEADER, bytes(UnpricedStatus.RESOLVED));
    resolvedHeaders.add(UnpricedStatus.PRICE_VERSION_HEADER, bytes("openai/gpt-4o/v2"));
    Row resolved = row(topics.unpricedUsage(), parked, resolvedHeaders);
    Row waiting = row(topics.unpricedUsage(), parked);
    List<Row> rows = List.of(waiting, resolved);

    byte[] ours = encoded(schema, rows);

    assertThat(ours).isEqualTo(driverEncoded(schema, rows));
    // Same event, so the two rows differ only in the status columns: the resolved one is longer
    // by "RESOLVED" vs "UNPRICED" (same length), resolved_at (8 bytes) and the version (1 + 16).
    assertThat(ours.length).isEqualTo(2 * encoded(schema, List.of(waiting)).length + 8 + 17);
  }

  @Test
  void shouldWriteTheSameBytesAsTheDriverForEdgeValues() throws Exception {
    TableSchema schema = schemaFromMigrations(SinkTable.PRICED_USAGE);
    Row sample = row(topics.pricedUsage(), SampleRecords.priced("e-1", "acme", "0.1"));
    List<Row> rows = new ArrayList<>();
    rows.add(
        with(
            sample,
            Map.of(
                "event_id",
                "ünïcødé ✓ \u0000\n'\\",
                "total_cost",
                new BigDecimal("-12345678901234567890123456.000000000001"),
                "input_cost",
                new BigDecimal("99999999999999999999999999.999999999999"),
                "output_cost",
                new BigDecimal("-0.000000000001"),
                "event_time",
                Instant.parse("1969-12-31T23:59:59.999Z"),
                "tags",
                Map.of(),
                "latency_ms",
                Long.MIN_VALUE,
                "kafka_partition",
                Integer.MAX_VALUE)));
    Map<String, Object> nulls = new LinkedHashMap<>();
    nulls.put("workflow_id", null);
    nulls.put("operation", null);
    nulls.put("provider_reported_cost_usd", null);
    nulls.put("unpriced_since", null);
    nulls.put("cost_other_units", Map.of("a", new BigDecimal("1E-12"), "b", BigDecimal.ZERO));
    rows.add(with(sample, nulls));

    assertThat(encoded(schema, rows)).isEqualTo(driverEncoded(schema, rows));
  }

  @Test
  void shouldNameTheColumnAndOffsetOfAValueThatDoesNotFit() throws Exception {
    TableSchema schema = schemaFromMigrations(SinkTable.PRICED_USAGE);
    Row sample = row(topics.pricedUsage(), SampleRecords.priced("e-1", "acme", "0.1"));
    RowBinaryEncoder encoder = RowBinaryEncoder.of(SinkTable.PRICED_USAGE, schema);

    assertThatThrownBy(
            () ->
                encoder.encode(
                    List.of(with(sample, Map.of("total_cost", new BigDecimal("1E-13")))),
                    new RowBinaryBuffer()))
        .isInstanceOf(RowEncodingException.class)
        .hasMessageContaining("column total_cost of the row of offset 7")
        .hasMessageContaining("decimal places");
    Map<String, Object> nullTenant = new LinkedHashMap<>();
    nullTenant.put("tenant_id", null);
    assertThatThrownBy(
            () -> encoder.encode(List.of(with(sample, nullTenant)), new RowBinaryBuffer()))
        .isInstanceOf(RowEncodingException.class)
        .hasMessageContaining("column tenant_id is not Nullable but got null");
    assertThatThrownBy(
            () ->
                encoder.encode(
                    List.of(with(sample, Map.of("input_tokens", "12"))), new RowBinaryBuffer()))
        .isInstanceOf(RowEncodingException.class)
        .hasMessageContaining("expected an integer but got java.lang.String");
  }

  @Test
  void shouldRefuseASchemaWhoseColumnsDifferFromWhatTheSinkWrites() {
    TableSchema shorter =
        new TableSchema(List.of(ClickHouseColumn.of("original_topic", "LowCardinality(String)")));

    assertThatThrownBy(() -> RowBinaryEncoder.of(SinkTable.DEAD_LETTERS, shorter))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apply the sink's migrations");
  }

  @Test
  void shouldWriteOnlyItsOwnColumnsOfATableThatHasMore() {
    List<ClickHouseColumn> columns = new java.util.ArrayList<>();
    columns.add(ClickHouseColumn.of("added_by_a_newer_sink", "String"));
    for (String name : SinkTable.DEAD_LETTERS.columns()) {
      columns.add(ClickHouseColumn.of(name, "Nullable(String)"));
    }

    RowBinaryEncoder encoder =
        RowBinaryEncoder.of(SinkTable.DEAD_LETTERS, new TableSchema(columns));

    assertThat(encoder.columns()).isEqualTo(SinkTable.DEAD_LETTERS.columns());
  }

  @Test
  void shouldRefuseAColumnTypeItCannotWrite() {
    assertThatThrownBy(() -> ColumnEncoders.forColumn(ClickHouseColumn.of("ip", "IPv6")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column ip has type IPv6");
  }

  @Test
  void shouldWriteLengthsAsLeb128AndReuseTheBufferAfterClear() {
    RowBinaryBuffer buffer = new RowBinaryBuffer();
    buffer.writeVarUInt(300);
    buffer.writeLongLittleEndian(1L);

    assertThat(buffer.toByteArray()).containsExactly(0xAC - 256, 0x02, 1, 0, 0, 0, 0, 0, 0, 0);
    buffer.clear();
    buffer.writeByte(7);
    assertThat(buffer.toByteArray()).containsExactly(7);
  }

  private Row row(String topic, Object value) {
    return row(topic, value, new RecordHeaders());
  }

  private Row row(String topic, Object value, RecordHeaders headers) {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(topic, 2, 7, null, avro.bytes(topic, value));
    headers.forEach(header -> record.headers().add(header));
    return converter.convert(record);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Row with(Row row, Map<String, Object> replacements) {
    List<Object> values = new ArrayList<>(row.values());
    replacements.forEach(
        (column, value) -> values.set(row.table().columns().indexOf(column), value));
    return new Row(row.table(), row.offset(), values);
  }

  private static byte[] encoded(TableSchema schema, List<Row> rows) {
    RowBinaryBuffer buffer = new RowBinaryBuffer();
    RowBinaryEncoder.of(rows.getFirst().table(), schema).encode(rows, buffer);
    return buffer.toByteArray();
  }

  private static byte[] driverEncoded(TableSchema schema, List<Row> rows) throws Exception {
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

  /** The table's columns and types as the migrations leave them. */
  private static TableSchema schemaFromMigrations(SinkTable table) {
    List<ClickHouseColumn> columns =
        MigratedColumns.of(table).stream()
            .map(column -> ClickHouseColumn.of(column.name(), column.type()))
            .toList();
    return new TableSchema(table.tableName(), null, "default", columns);
  }
}
