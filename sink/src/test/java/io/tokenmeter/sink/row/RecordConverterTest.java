package io.tokenmeter.sink.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.fixtures.AvroBytes;
import io.tokenmeter.sink.fixtures.InMemoryRowWriter;
import io.tokenmeter.sink.fixtures.MutableClock;
import io.tokenmeter.sink.fixtures.SampleRecords;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordConverterTest {

  private final AvroBytes avro = new AvroBytes("converter-" + UUID.randomUUID());
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));
  private final SinkTopics topics = SinkTopics.defaults();
  private final RecordConverter converter =
      new RecordConverter(
          topics, avro.registry(), avro.serdeConfigs(), new ErrorClassifier(), clock);

  @AfterEach
  void dropRegistry() {
    avro.close();
  }

  private ConsumerRecord<byte[], byte[]> record(String topic, long offset, Object value) {
    byte[] bytes = value instanceof byte[] raw ? raw : avro.bytes(topic, value);
    return new ConsumerRecord<>(topic, 4, offset, "acme".getBytes(), bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Object value(Row row, String column) {
    return InMemoryRowWriter.value(row, column);
  }

  @Test
  void shouldMapAPricedEventToItsColumnsWithExactMoneyAndItsKafkaSource() {
    PricedUsage priced = SampleRecords.priced("e-1", "acme", "0.123456789012");

    Row row = converter.convert(record(topics.pricedUsage(), 42, priced));

    assertThat(row.table()).isEqualTo(SinkTable.PRICED_USAGE);
    assertThat(value(row, "event_id")).isEqualTo("e-1");
    assertThat(value(row, "total_cost")).isEqualTo(new BigDecimal("0.123456789012"));
    assertThat(value(row, "cost_cache_read")).isEqualTo(new BigDecimal("0.000000000001"));
    assertThat(value(row, "cost_other_units"))
        .isEqualTo(Map.of("web_search_calls", new BigDecimal("0.010000000000")));
    assertThat(value(row, "event_time")).isEqualTo(SampleRecords.EVENT_TIME);
    assertThat(value(row, "input_tokens")).isEqualTo(2_743L);
    assertThat(value(row, "region")).isNull();
    assertThat(value(row, "kafka_topic")).isEqualTo(topics.pricedUsage());
    assertThat(value(row, "kafka_partition")).isEqualTo(4);
    assertThat(value(row, "kafka_offset")).isEqualTo(42L);
  }

  @Test
  void shouldStoreAbsentAggregateKeysAsEmptyStrings() {
    Row row =
        converter.convert(
            record(topics.aggregates(), 1, SampleRecords.aggregate("acme", 3, "1.5")));

    assertThat(value(row, "workflow_id")).isEqualTo("");
    assertThat(value(row, "window_size")).isEqualTo("HOUR");
    assertThat(value(row, "revision")).isEqualTo(3L);
  }

  @Test
  void shouldMapEveryTopicToItsOwnTable() {
    assertThat(
            converter
                .convert(record(topics.budgetAlerts(), 0, SampleRecords.alert("acme", 80)))
                .table())
        .isEqualTo(SinkTable.BUDGET_ALERTS);
    assertThat(
            converter
                .convert(record(topics.unpricedUsage(), 0, SampleRecords.unpriced("e", "acme")))
                .table())
        .isEqualTo(SinkTable.UNPRICED_USAGE);
    Row letter = converter.convert(record(topics.deadLetters(), 0, SampleRecords.deadLetter(9)));
    assertThat(letter.table()).isEqualTo(SinkTable.DEAD_LETTERS);
    assertThat(value(letter, "value_hex")).isEqualTo("01000000070a");
    assertThat(value(letter, "stage")).isEqualTo("stream-processor/deserialize");
  }

  @Test
  void shouldStoreAResolvedUnpricedRecordWithItsStatusTimeAndPriceVersion() {
    ConsumerRecord<byte[], byte[]> resolved =
        record(topics.unpricedUsage(), 3, SampleRecords.unpriced("e-9", "acme"));
    resolved.headers().add(UnpricedStatus.STATUS_HEADER, utf8("RESOLVED"));
    resolved.headers().add(UnpricedStatus.PRICE_VERSION_HEADER, utf8("anthropic/sonnet/v7"));

    Row row = converter.convert(resolved);

    assertThat(row.table()).isEqualTo(SinkTable.UNPRICED_USAGE);
    assertThat(value(row, "status")).isEqualTo("RESOLVED");
    assertThat(value(row, "resolved_at")).isEqualTo(SampleRecords.PRICED_AT); // last_attempt_at
    assertThat(value(row, "resolved_price_version_id")).isEqualTo("anthropic/sonnet/v7");
    assertThat(value(row, "kafka_offset")).isEqualTo(3L);
  }

  @Test
  void shouldStoreUnpricedRecordsWithOrWithoutTheHeaderAsWaiting() {
    ConsumerRecord<byte[], byte[]> tagged =
        record(topics.unpricedUsage(), 1, SampleRecords.unpriced("e-1", "acme"));
    tagged.headers().add(UnpricedStatus.STATUS_HEADER, utf8("UNPRICED"));
    ConsumerRecord<byte[], byte[]> headerless =
        record(topics.unpricedUsage(), 2, SampleRecords.unpriced("e-2", "acme"));

    for (Row row : List.of(converter.convert(tagged), converter.convert(headerless))) {
      assertThat(value(row, "status")).isEqualTo("UNPRICED");
      assertThat(value(row, "resolved_at")).isNull();
      assertThat(value(row, "resolved_price_version_id")).isNull();
    }
  }

  @Test
  void shouldDeadLetterAnUnpricedRecordWithAnUnknownStatus() {
    ConsumerRecord<byte[], byte[]> odd =
        record(topics.unpricedUsage(), 5, SampleRecords.unpriced("e-5", "acme"));
    odd.headers().add(UnpricedStatus.STATUS_HEADER, utf8("resolved"));

    Row row = converter.convert(odd);

    assertThat(row.table()).isEqualTo(SinkTable.DEAD_LETTERS);
    assertThat(value(row, "reason")).isEqualTo("INVALID_EVENT");
    assertThat((String) value(row, "reason_message"))
        .contains("tokenmeter.unpriced.status is 'resolved'");
  }

  @Test
  void shouldDeadLetterUndecodableBytesWithTheReasonAndTheOriginalBytes() {
    Row row = converter.convert(record(topics.pricedUsage(), 7, new byte[] {0, 0, 0, 0x7f, 1}));

    assertThat(row.table()).isEqualTo(SinkTable.DEAD_LETTERS);
    assertThat(value(row, "reason")).isEqualTo("UNKNOWN_SCHEMA_ID");
    assertThat(value(row, "value_hex")).isEqualTo("0000007f01");
    assertThat(value(row, "key_hex")).isEqualTo("61636d65");
    assertThat(value(row, "original_offset")).isEqualTo(7L);
    assertThat(value(row, "failed_at")).isEqualTo(clock.instant());
  }

  @Test
  void shouldDeadLetterAnEventThatBreaksTheContract() {
    PricedUsage noTenant = SampleRecords.priced("e-2", "", "1");

    Row row = converter.convert(record(topics.pricedUsage(), 8, noTenant));

    assertThat(value(row, "reason")).isEqualTo("INVALID_EVENT");
    assertThat((String) value(row, "reason_message")).contains("tenant_id");
  }

  @Test
  void shouldRefuseRecordsOfTopicsItDoesNotRead() {
    assertThatThrownBy(() -> converter.convert(record("elsewhere", 0, new byte[] {0})))
        .hasMessageContaining("elsewhere");
  }
}
