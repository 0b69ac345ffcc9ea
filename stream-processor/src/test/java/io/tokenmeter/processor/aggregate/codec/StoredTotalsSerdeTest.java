package io.tokenmeter.processor.aggregate.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.processor.aggregate.StoredTotals;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.CostBreakdown;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import io.tokenmeter.serde.AvroSerde;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class StoredTotalsSerdeTest {
  private static final String TOPIC = "app-aggregate-windows-changelog";
  private static final Deserializer<WindowedAggregate> NO_LEGACY =
      (topic, bytes) -> {
        throw new AssertionError("not a legacy value");
      };

  /** Every field set to a value other than its default, so a dropped field shows. */
  static WindowedAggregate everyFieldSet() {
    return WindowedAggregate.newBuilder()
        .setWindowStart(Instant.parse("2026-03-01T10:00:00Z"))
        .setWindowEnd(Instant.parse("2026-03-01T11:00:00Z"))
        .setWindowSize(WindowSize.HOUR)
        .setDimension(AggregateDimension.TENANT_MODEL)
        .setTenantId("tenant-ü/1")
        .setProvider("openai")
        .setModel("gpt-4o")
        .setWorkflowId("agent-7")
        .setRevision(42)
        .setIsFinal(true)
        .setEventCount(7)
        .setIncompleteUsageCount(2)
        .setTokens(
            TokenUsage.newBuilder()
                .setInputTokens(1_000)
                .setCacheReadTokens(300)
                .setCacheWriteTokens(200)
                .setCacheWrite5mTokens(150L)
                .setCacheWrite1hTokens(50L)
                .setOutputTokens(-5)
                .setReasoningTokens(40)
                .setAudioInputTokens(3)
                .setCacheAudioReadTokens(2)
                .setAudioOutputTokens(Long.MAX_VALUE)
                .setOtherUnits(new HashMap<>(Map.of("images", 4L, "seconds", 90L)))
                .build())
        .setCost(
            CostBreakdown.newBuilder()
                .setUncachedInput(money("0.000000000001"))
                .setCacheRead(money("1.5"))
                .setCacheAudioRead(money("2"))
                .setCacheWrite5m(money("3"))
                .setCacheWrite1h(money("4"))
                .setAudioInput(money("5"))
                .setTextOutput(money("-6.25"))
                .setReasoning(money("7"))
                .setAudioOutput(money("8"))
                .setRequestFee(money("99999999999999999999999999.999999999999"))
                .setOtherUnits(new HashMap<>(Map.of("images", money("0.04"))))
                .build())
        .setTotalCost(money("12345678901234567.123456789012"))
        .setLatencyCount(5)
        .setLatencyMsSum(1_234)
        .setLatencyMsMax(800L)
        .setUpdatedAt(Instant.parse("2026-03-01T10:59:59.123Z"))
        .build();
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value).setScale(12);
  }

  private static StoredTotals roundTrip(StoredTotals value) {
    StoredTotalsSerde serde = new StoredTotalsSerde(NO_LEGACY);
    return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, value));
  }

  @Test
  void shouldReadBackEveryFieldExactly() {
    StoredTotals written = new StoredTotals(everyFieldSet(), 41);

    StoredTotals read = roundTrip(written);

    assertThat(read.emittedRevision()).isEqualTo(41);
    assertThat(read.totals().toString()).isEqualTo(written.totals().toString());
    assertThat(read.totals().getTotalCost()).isEqualTo(written.totals().getTotalCost());
    assertThat(read.totals().getTotalCost().scale()).isEqualTo(12);
  }

  @Test
  void shouldReadBackAbsentOptionalFields() {
    WindowedAggregate sparse = everyFieldSet();
    sparse.setProvider(null);
    sparse.setModel(null);
    sparse.setWorkflowId(null);
    sparse.setLatencyMsMax(null);
    sparse.getTokens().setCacheWrite5mTokens(null);
    sparse.getTokens().setCacheWrite1hTokens(null);
    sparse.getTokens().setOtherUnits(Map.of());

    StoredTotals read = roundTrip(new StoredTotals(sparse, -1));

    assertThat(read.totals().toString()).isEqualTo(sparse.toString());
    assertThat(read.hasUnemittedUpdate()).isTrue();
  }

  @Test
  void shouldDecodeMapsIntoMutableMaps() {
    StoredTotals read = roundTrip(StoredTotals.emitted(everyFieldSet()));

    read.totals().getTokens().getOtherUnits().put("tokens", 1L);
    read.totals().getCost().getOtherUnits().put("tokens", money("1"));

    assertThat(read.totals().getTokens().getOtherUnits()).containsKey("tokens");
  }

  @Test
  void shouldReadValuesWrittenAsAvroByEarlierVersionsAsAlreadyEmitted() {
    AvroSerde<WindowedAggregate> avro = AvroSerde.specific(WindowedAggregate.class);
    avro.configure(Map.of("schema.registry.url", "mock://stored-totals-legacy"), false);
    byte[] legacyBytes = avro.serializer().serialize(TOPIC, everyFieldSet());

    StoredTotals read =
        new StoredTotalsSerde(avro.deserializer()).deserializer().deserialize(TOPIC, legacyBytes);

    assertThat(read.totals().toString()).isEqualTo(everyFieldSet().toString());
    assertThat(read.hasUnemittedUpdate()).isFalse();
  }

  @Test
  void shouldRejectAFormatItDoesNotKnowWithAHint() {
    Deserializer<StoredTotals> deserializer = new StoredTotalsSerde(NO_LEGACY).deserializer();

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {9, 1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("byte 9")
        .hasMessageContaining(TOPIC)
        .hasMessageContaining("newer tokenmeter");
  }

  @Test
  void shouldRejectATruncatedValue() {
    StoredTotalsSerde serde = new StoredTotalsSerde(NO_LEGACY);
    byte[] bytes = serde.serializer().serialize(TOPIC, StoredTotals.emitted(everyFieldSet()));
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  /**
   * The codec writes these fields by hand. When a schema gains a field, this fails: add it to
   * {@code TotalsCodec} (as a new format version that still reads this one) and here.
   */
  @Test
  void shouldKnowEveryFieldOfTheSchemas() {
    assertThat(names(WindowedAggregate.getClassSchema()))
        .containsExactly(
            "window_start",
            "window_end",
            "window_size",
            "dimension",
            "tenant_id",
            "provider",
            "model",
            "workflow_id",
            "revision",
            "is_final",
            "event_count",
            "incomplete_usage_count",
            "tokens",
            "cost",
            "total_cost",
            "latency_count",
            "latency_ms_sum",
            "latency_ms_max",
            "updated_at");
    assertThat(names(TokenUsage.getClassSchema()))
        .containsExactly(
            "input_tokens",
            "cache_read_tokens",
            "cache_write_tokens",
            "cache_write_5m_tokens",
            "cache_write_1h_tokens",
            "output_tokens",
            "reasoning_tokens",
            "audio_input_tokens",
            "cache_audio_read_tokens",
            "audio_output_tokens",
            "other_units");
    assertThat(names(CostBreakdown.getClassSchema()))
        .containsExactly(
            "uncached_input",
            "cache_read",
            "cache_audio_read",
            "cache_write_5m",
            "cache_write_1h",
            "audio_input",
            "text_output",
            "reasoning",
            "audio_output",
            "request_fee",
            "other_units");
  }

  private static List<String> names(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::name).toList();
  }
}
