package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.ServerException;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.fixtures.AvroBytes;
import io.tokenmeter.sink.fixtures.InMemoryRowWriter;
import io.tokenmeter.sink.fixtures.MutableClock;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinkLoopTest {

  private static final String PRICED = SinkTopics.DEFAULT_PRICED_USAGE;
  private static final TopicPartition PRICED_0 = new TopicPartition(PRICED, 0);
  private static final TopicPartition PRICED_1 = new TopicPartition(PRICED, 1);

  private final List<String> events = new ArrayList<>();
  private final InMemoryRowWriter writer = new InMemoryRowWriter(events);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));
  private final AvroBytes avro = new AvroBytes("sink-loop-" + UUID.randomUUID());
  private final SinkMetrics metrics = new SinkMetrics();
  private final SinkStatus status = new SinkStatus();
  private final ErrorClassifier classifier = new ErrorClassifier();
  private final RecordConverter converter =
      new RecordConverter(
          SinkTopics.defaults(), avro.registry(), avro.serdeConfigs(), classifier, clock);
  private RecordingConsumer consumer;

  /** A MockConsumer whose commits join the writer's event log, to check their order. */
  private final class RecordingConsumer extends MockConsumer<byte[], byte[]> {
    RecordingConsumer() {
      super("earliest");
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      offsets.forEach((tp, offset) -> events.add("commit " + tp + "=" + offset.offset()));
      super.commitSync(offsets);
    }
  }

  @AfterEach
  void dropRegistry() {
    avro.close();
  }

  private SinkLoop loop(int maxBatchRows) {
    return loop(maxBatchRows, true);
  }

  private SinkLoop loop(int maxBatchRows, boolean recoverWrittenOffsets) {
    consumer = new RecordingConsumer();
    SinkSettings settings =
        SinkSettings.builder()
            .bootstrapServers("unused:9092")
            .schemaRegistryUrl("mock://unused")
            .clickHouseJdbcUrl("jdbc:clickhouse://unused:8123/default")
            .maxBatchRows(maxBatchRows)
            .maxBatchWait(Duration.ofSeconds(1))
            .backoffInitial(Duration.ofMillis(100))
            .backoffMax(Duration.ofMillis(400))
            .build();
    SinkLoop loop =
        new SinkLoop(
            consumer,
            new BatchWriter(converter, writer, classifier, metrics),
            new PartitionRecovery(writer, converter, recoverWrittenOffsets),
            settings,
            classifier,
            metrics,
            status,
            clock);
    loop.subscribe();
    return loop;
  }

  private void assign(TopicPartition... partitions) {
    consumer.rebalance(List.of(partitions));
    Map<TopicPartition, Long> beginning = new HashMap<>();
    for (TopicPartition partition : partitions) {
      beginning.put(partition, 0L);
    }
    consumer.updateBeginningOffsets(beginning);
  }

  private void producePriced(TopicPartition partition, long... offsets) {
    for (long offset : offsets) {
      PricedUsage priced = SampleRecords.priced("e-" + offset, "acme", "0.5");
      add(partition, offset, avro.bytes(partition.topic(), priced));
    }
  }

  private void add(TopicPartition partition, long offset, byte[] value) {
    consumer.addRecord(
        new ConsumerRecord<>(partition.topic(), partition.partition(), offset, null, value));
  }

  private List<Long> offsets(SinkTable table) {
    return writer.rows(table).stream().map(Row::offset).toList();
  }

  private long committed(TopicPartition partition) {
    OffsetAndMetadata offset = consumer.committed(java.util.Set.of(partition)).get(partition);
    return offset == null ? -1 : offset.offset();
  }

  @Test
  void shouldWriteAFullBatchAndCommitOnlyAfterTheInsert() {
    SinkLoop loop = loop(3);
    assign(PRICED_0);
    producePriced(PRICED_0, 0, 1, 2, 3);

    loop.pollOnce();

    assertThat(events)
        .containsExactly(
            "insert tokenmeter_priced_usage tokenmeter-sink/" + PRICED + "/0/0-2",
            "commit " + PRICED_0 + "=3");
    assertThat(offsets(SinkTable.PRICED_USAGE)).containsExactly(0L, 1L, 2L);
    assertThat(loop.partitions().get(PRICED_0).buffer.waitingCount()).isEqualTo(1);
  }

  @Test
  void shouldWriteAPartialBatchOnceItsOldestRecordWaitedMaxBatchWait() {
    SinkLoop loop = loop(100);
    assign(PRICED_0);
    producePriced(PRICED_0, 0, 1);

    loop.pollOnce();
    clock.advance(Duration.ofMillis(999));
    loop.pollOnce();
    assertThat(events).isEmpty();

    clock.advance(Duration.ofMillis(1));
    loop.pollOnce();
    assertThat(events)
        .containsExactly(
            "insert tokenmeter_priced_usage tokenmeter-sink/" + PRICED + "/0/0-1",
            "commit " + PRICED_0 + "=2");
  }

  @Test
  void shouldRetryTheSameBatchWithTheSameTokenAndBackOffWithoutCommitting() {
    SinkLoop loop = loop(3);
    assign(PRICED_0);
    producePriced(PRICED_0, 0, 1, 2);
    writer.failNext(
        new SQLException("connect failed", new ConnectException("Connection refused")),
        new SQLException("insert failed", new ServerException(252, "Too many parts", 500)));

    loop.pollOnce();
    assertThat(consumer.paused()).containsExactly(PRICED_0);
    producePriced(PRICED_0, 3, 4, 5);
    loop.pollOnce(); // backoff not elapsed: no attempt, paused partition delivers nothing
    assertThat(writer.insertTokens()).hasSize(1);
    assertThat(loop.partitions().get(PRICED_0).buffer.waitingCount()).isZero();

    clock.advance(Duration.ofMillis(100));
    loop.pollOnce(); // second failure, next delay 200 ms
    clock.advance(Duration.ofMillis(199));
    loop.pollOnce();
    assertThat(writer.insertTokens()).hasSize(2);
    clock.advance(Duration.ofMillis(1));
    loop.pollOnce();

    String token = "tokenmeter-sink/" + PRICED + "/0/0-2";
    assertThat(writer.insertTokens()).containsOnly("tokenmeter_priced_usage " + token).hasSize(3);
    assertThat(events)
        .containsExactly(
            "insert-failed " + token,
            "insert-failed " + token,
            "insert tokenmeter_priced_usage " + token,
            "commit " + PRICED_0 + "=3");
    assertThat(consumer.paused()).isEmpty();
    assertThat(metrics.retries()).isEqualTo(2);
    assertThat(committed(PRICED_0)).isEqualTo(3);
  }

  @Test
  void shouldReportARetryingPartitionToTheStatusUntilItsWriteSucceeds() {
    SinkLoop loop = loop(3);
    assertThat(status.snapshot().assignmentReceived()).isFalse();
    assertThat(status.snapshot().lastPoll()).isNull();
    assign(PRICED_0, PRICED_1);
    producePriced(PRICED_0, 0, 1, 2);
    writer.failNext(new SQLException("connect failed", new ConnectException("refused")));

    loop.pollOnce();
    SinkStatus.Snapshot failing = status.snapshot();
    assertThat(failing.assignmentReceived()).isTrue();
    assertThat(failing.assignedPartitions()).isEqualTo(2);
    assertThat(failing.retryingPartitions()).isEqualTo(1);
    assertThat(failing.lastWriteError())
        .isEqualTo("writing tokenmeter-sink/" + PRICED + "/0/0-2 failed: connect failed");
    assertThat(failing.lastPoll()).isEqualTo(clock.instant());

    clock.advance(Duration.ofMillis(100));
    loop.pollOnce();
    SinkStatus.Snapshot recovered = status.snapshot();
    assertThat(recovered.retryingPartitions()).isZero();
    assertThat(recovered.lastWriteError()).isNull();
    assertThat(recovered.lastPoll()).isEqualTo(clock.instant());

    consumer.rebalance(List.of(PRICED_1));
    assertThat(status.snapshot().assignedPartitions()).isEqualTo(1);
  }

  @Test
  void shouldDeadLetterAPoisonRecordBeforeWritingTheRestOfItsBatch() {
    SinkLoop loop = loop(3);
    assign(PRICED_0);
    producePriced(PRICED_0, 0);
    add(PRICED_0, 1, new byte[] {7, 1, 2, 3, 4, 5});
    producePriced(PRICED_0, 2);

    loop.pollOnce();

    String token = "tokenmeter-sink/" + PRICED + "/0/0-2";
    assertThat(events)
        .containsExactly(
            "insert tokenmeter_dead_letters " + token,
            "insert tokenmeter_priced_usage " + token,
            "commit " + PRICED_0 + "=3");
    assertThat(offsets(SinkTable.PRICED_USAGE)).containsExactly(0L, 2L);
    Row deadLetter = writer.rows(SinkTable.DEAD_LETTERS).getFirst();
    assertThat(InMemoryRowWriter.value(deadLetter, "reason")).isEqualTo("BAD_MAGIC_BYTE");
    assertThat(InMemoryRowWriter.value(deadLetter, "original_offset")).isEqualTo(1L);
    assertThat(InMemoryRowWriter.value(deadLetter, "value_hex")).isEqualTo("070102030405");
    assertThat(InMemoryRowWriter.value(deadLetter, "stage"))
        .isEqualTo("sink/tokenmeter_priced_usage");
    assertThat(metrics.deadLetters()).isEqualTo(1);
  }

  @Test
  void shouldFindTheRowClickHouseRejectsByInsertingOneByOne() {
    SinkLoop loop = loop(3);
    assign(PRICED_0);
    producePriced(PRICED_0, 0, 1, 2);
    writer.reject(
        row -> row.table() == SinkTable.PRICED_USAGE && row.offset() == 1,
        new SQLException("Code: 407. DB::Exception: Decimal math overflow. (DECIMAL_OVERFLOW)"));

    loop.pollOnce();

    assertThat(offsets(SinkTable.PRICED_USAGE)).containsExactly(0L, 2L);
    Row deadLetter = writer.rows(SinkTable.DEAD_LETTERS).getFirst();
    assertThat(InMemoryRowWriter.value(deadLetter, "reason")).isEqualTo("SINK_REJECTED");
    assertThat((String) InMemoryRowWriter.value(deadLetter, "reason_message"))
        .contains("DECIMAL_OVERFLOW");
    assertThat(events).last().isEqualTo("commit " + PRICED_0 + "=3");
  }

  @Test
  void shouldDropWhatIsBufferedForRevokedPartitions() {
    SinkLoop loop = loop(100);
    assign(PRICED_0, PRICED_1);
    producePriced(PRICED_0, 0, 1);
    producePriced(PRICED_1, 0);
    loop.pollOnce();

    consumer.rebalance(List.of(PRICED_1));
    producePriced(PRICED_1, 1);
    clock.advance(Duration.ofSeconds(1));
    loop.pollOnce();

    assertThat(loop.partitions()).containsOnlyKeys(PRICED_1);
    assertThat(events)
        .containsExactly(
            "insert tokenmeter_priced_usage tokenmeter-sink/" + PRICED + "/1/0-1",
            "commit " + PRICED_1 + "=2");
  }

  @Test
  void shouldNotDoubleCountAfterACrashBetweenInsertAndCommitEvenWithOtherBatchBoundaries() {
    SinkLoop first = loop(3);
    assign(PRICED_0);
    producePriced(PRICED_0, 0, 1, 2);
    first.pollOnce(); // inserted [0-2] and committed; now pretend the commit never happened:

    SinkLoop restarted = loop(2); // new consumer: committed offsets start empty
    assign(PRICED_0);
    producePriced(PRICED_0, 0, 1, 2, 3, 4);
    restarted.pollOnce();

    assertThat(offsets(SinkTable.PRICED_USAGE)).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(metrics.recordsSkippedAsWritten()).isEqualTo(3);
    assertThat(committed(PRICED_0)).isEqualTo(5);
  }

  @Test
  void shouldRelyOnTheDedupTokenWhenTheSameRangeIsSentAgain() {
    SinkLoop loop = loop(3);
    assign(PRICED_0);
    producePriced(PRICED_0, 0, 1, 2);
    loop.pollOnce();

    // Recovery off: the token alone must drop the re-sent block (same range, same token).
    SinkLoop again = loop(3, false);
    assign(PRICED_0);
    producePriced(PRICED_0, 0, 1, 2);
    again.pollOnce();

    assertThat(events).contains("insert-deduplicated tokenmeter-sink/" + PRICED + "/0/0-2");
    assertThat(offsets(SinkTable.PRICED_USAGE)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void shouldWriteWhatIsBufferedOnceWhenStopped() {
    SinkLoop loop = loop(100);
    assign(PRICED_0);
    producePriced(PRICED_0, 0);
    loop.pollOnce();

    loop.requestStop();
    loop.run();

    assertThat(events)
        .containsExactly(
            "insert tokenmeter_priced_usage tokenmeter-sink/" + PRICED + "/0/0-0",
            "commit " + PRICED_0 + "=1");
  }
}
