package io.tokenmeter.processor.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.testing.DriverFixture;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterTopologyTest {
  private static final Instant EVENT_TIME = Instant.parse("2026-03-01T10:15:30Z");
  private static final byte[] KEY = "tenant-a".getBytes(StandardCharsets.UTF_8);

  @TempDir Path stateDir;
  private DriverFixture fixture;
  private TestInputTopic<byte[], byte[]> usage;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;
  private AvroSerde<UsageEvent> usageSerde;

  @BeforeEach
  void setUp() {
    fixture = new DriverFixture(stateDir, Map.of());
    usage =
        fixture
            .driver()
            .createInputTopic(Topics.USAGE, new ByteArraySerializer(), new ByteArraySerializer());
    AvroSerde<DeadLetter> deadLetterSerde = AvroSerde.specific(DeadLetter.class);
    deadLetterSerde.configure(fixture.serdeConfig(), false);
    deadLetters =
        fixture
            .driver()
            .createOutputTopic(
                Topics.DEAD_LETTERS, new ByteArrayDeserializer(), deadLetterSerde.deserializer());
    usageSerde = AvroSerde.specific(UsageEvent.class);
    usageSerde.configure(fixture.serdeConfig(), false);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private byte[] encode(UsageEvent event) {
    return usageSerde.serializer().serialize(Topics.USAGE, event);
  }

  private UsageEvent.Builder validEvent() {
    return TestEvents.event("evt-1", "tenant-a", EVENT_TIME);
  }

  private DeadLetter onlyDeadLetterFor(byte[] value) {
    usage.pipeInput(new TestRecord<>(KEY, value, Instant.ofEpochMilli(1234)));
    assertThat(fixture.driver().producedTopicNames()).doesNotContain(Topics.PRICED_USAGE);
    List<TestRecord<byte[], DeadLetter>> records = deadLetters.readRecordsToList();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo(KEY);
    assertThat(records.get(0).timestamp()).isEqualTo(1234L);
    return records.get(0).value();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  @Test
  void shouldDeadLetterBadMagicByteWithOriginalBytesAndOrigin() {
    byte[] value = encode(validEvent().build());
    value[0] = 7;
    DeadLetter letter = onlyDeadLetterFor(value);
    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.BAD_MAGIC_BYTE);
    assertThat(bytes(letter.getValue())).isEqualTo(value);
    assertThat(bytes(letter.getKey())).isEqualTo(KEY);
    assertThat(letter.getOriginalTopic()).isEqualTo(Topics.USAGE);
    assertThat(letter.getOriginalPartition()).isZero();
    assertThat(letter.getOriginalOffset()).isZero();
    assertThat(letter.getOriginalTimestamp()).isEqualTo(Instant.ofEpochMilli(1234));
    assertThat(letter.getStage()).isEqualTo(DeadLetters.STAGE_DESERIALIZE);
    assertThat(letter.getExceptionClass()).isEqualTo("io.tokenmeter.serde.AvroSerdeException");
    assertThat(letter.getFailedAt()).isEqualTo(DriverFixture.NOW);
  }

  @Test
  void shouldDeadLetterUnknownSchemaId() {
    byte[] value = encode(validEvent().build());
    value[1] = 0x7f; // schema id 0x7f000001-ish: never registered in this scope
    DeadLetter letter = onlyDeadLetterFor(value);
    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_ID);
    assertThat(bytes(letter.getValue())).isEqualTo(value);
  }

  @Test
  void shouldDeadLetterTruncatedAvroBody() {
    byte[] whole = encode(validEvent().build());
    byte[] value = Arrays.copyOf(whole, whole.length / 2);
    DeadLetter letter = onlyDeadLetterFor(value);
    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.TRUNCATED);
    assertThat(bytes(letter.getValue())).isEqualTo(value);
  }

  @Test
  void shouldDeadLetterPayloadShorterThanTheHeader() {
    DeadLetter letter = onlyDeadLetterFor(new byte[] {0, 0});
    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.TRUNCATED);
  }

  @Test
  void shouldDeadLetterTombstoneAsInvalidEvent() {
    DeadLetter letter = onlyDeadLetterFor(null);
    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
    assertThat(letter.getValue()).isNull();
    assertThat(letter.getStage()).isEqualTo(DeadLetters.STAGE_VALIDATE);
  }

  @Test
  void shouldDeadLetterNegativeCounts() {
    UsageEvent event = validEvent().setUsage(TestEvents.usage(-5, 10).build()).build();
    DeadLetter letter = onlyDeadLetterFor(encode(event));
    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
    assertThat(letter.getReasonMessage()).contains("input_tokens is -5");
    assertThat(letter.getExceptionClass()).isNull();
  }

  @Test
  void shouldDeadLetterCacheReadsAboveInput() {
    UsageEvent event =
        validEvent().setUsage(TestEvents.usage(100, 10).setCacheReadTokens(150).build()).build();
    DeadLetter letter = onlyDeadLetterFor(encode(event));
    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
    assertThat(letter.getReasonMessage()).contains("exceeds input_tokens = 100");
  }

  @Test
  void shouldDeadLetterReasoningAboveOutput() {
    UsageEvent event =
        validEvent().setUsage(TestEvents.usage(100, 10).setReasoningTokens(11).build()).build();
    DeadLetter letter = onlyDeadLetterFor(encode(event));
    assertThat(letter.getReasonMessage()).contains("reasoning_tokens = 11 exceeds output_tokens");
  }

  @Test
  void shouldDeadLetterMissingTenant() {
    DeadLetter letter = onlyDeadLetterFor(encode(validEvent().setTenantId(" ").build()));
    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
    assertThat(letter.getReasonMessage()).contains("tenant_id is empty");
  }

  @Test
  void shouldKeepRunningAfterPoisonAndNotDeadLetterValidEvents() {
    usage.pipeInput(KEY, new byte[] {9, 9, 9, 9, 9, 9});
    usage.pipeInput(KEY, encode(validEvent().build()));
    usage.pipeInput(KEY, new byte[] {1});
    List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters)
        .extracting(DeadLetter::getOriginalOffset, DeadLetter::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, DeadLetterReason.BAD_MAGIC_BYTE),
            org.assertj.core.groups.Tuple.tuple(2L, DeadLetterReason.BAD_MAGIC_BYTE));
  }
}
