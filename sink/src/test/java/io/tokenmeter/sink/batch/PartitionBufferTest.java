package io.tokenmeter.sink.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionBufferTest {

  private static final TopicPartition PARTITION = new TopicPartition("t", 0);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(1);

  private final PartitionBuffer buffer = new PartitionBuffer(PARTITION);

  private void add(long offset, Instant at) {
    buffer.add(new ConsumerRecord<>("t", 0, offset, null, new byte[] {1}), at);
  }

  @Test
  void shouldBeDueWhenFullOrWhenTheOldestRecordWaitedLongEnough() {
    add(0, T0);
    assertThat(buffer.isDue(T0.plusMillis(999), 2, WAIT)).isFalse();
    assertThat(buffer.isDue(T0.plus(WAIT), 2, WAIT)).isTrue();
    add(1, T0.plusMillis(10));
    assertThat(buffer.isDue(T0, 2, WAIT)).isTrue();
  }

  @Test
  void shouldCutAtMostMaxRowsInOffsetOrderAndKeepOneBatchInFlight() {
    for (long offset = 0; offset < 5; offset++) {
      add(offset, T0);
    }

    Batch batch = buffer.cut(3);

    assertThat(batch.firstOffset()).isZero();
    assertThat(batch.lastOffset()).isEqualTo(2);
    assertThat(buffer.waitingCount()).isEqualTo(2);
    assertThat(buffer.isDue(T0.plus(WAIT), 3, WAIT)).isFalse();
    assertThatThrownBy(() -> buffer.cut(3)).isInstanceOf(IllegalStateException.class);
    assertThat(buffer.inFlight()).isSameAs(batch);

    buffer.completeInFlight();
    assertThat(buffer.isDue(T0.plus(WAIT), 3, WAIT)).isTrue();
    assertThat(buffer.cut(3).firstOffset()).isEqualTo(3);
  }

  @Test
  void shouldSkipRecordsAlreadyWrittenAndReportTheOffsetToCommitOnce() {
    add(0, T0);
    add(1, T0);
    buffer.skipUpTo(2);
    add(2, T0);
    add(3, T0);

    assertThat(buffer.takeSkipped()).contains(new PartitionBuffer.Skipped(3, 3));
    assertThat(buffer.takeSkipped()).isEmpty();
    assertThat(buffer.cut(10).firstOffset()).isEqualTo(3);
  }
}
