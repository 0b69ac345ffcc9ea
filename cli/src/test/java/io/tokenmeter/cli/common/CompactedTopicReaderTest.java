package io.tokenmeter.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CompactedTopicReaderTest {

  private static final String TOPIC = "t";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

  private void partitions(long endP0, long endP1) {
    consumer.updatePartitions(
        TOPIC,
        List.of(
            new PartitionInfo(TOPIC, 0, null, null, null),
            new PartitionInfo(TOPIC, 1, null, null, null)));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.updateEndOffsets(Map.of(P0, endP0, P1, endP1));
  }

  private void record(TopicPartition partition, long offset, String key, String value) {
    consumer.schedulePollTask(
        () ->
            consumer.addRecord(
                new ConsumerRecord<>(TOPIC, partition.partition(), offset, key, value)));
  }

  private static CompactedTopicReader reader(Clock clock) {
    return new CompactedTopicReader(clock, Duration.ofSeconds(5));
  }

  @Test
  void shouldKeepTheLatestValuePerKeyAcrossPartitionsAndDropTombstones() {
    partitions(3, 1);
    record(P0, 0, "a", "a1");
    record(P0, 1, "b", "b1");
    record(P1, 0, "c", "c1");
    record(P0, 2, "a", "a2");
    consumer.schedulePollTask(
        () -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 3, "b", null)));
    consumer.updateEndOffsets(Map.of(P0, 4L, P1, 1L));

    Map<String, String> table = reader(Clock.systemUTC()).readLatest(consumer, TOPIC);

    assertThat(table).containsExactly(Map.entry("a", "a2"), Map.entry("c", "c1"));
  }

  @Test
  void shouldReturnNothingForATopicThatDoesNotExist() {
    assertThat(reader(Clock.systemUTC()).readLatest(consumer, "missing")).isEmpty();
  }

  @Test
  void shouldGiveUpWhenTheEndIsNotReachedInTime() {
    partitions(5, 0);
    record(P0, 0, "a", "a1");
    Clock ticking = new StepClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(2));

    assertThatThrownBy(() -> reader(ticking).readLatest(consumer, TOPIC))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("reading t did not reach its end within 5 s");
  }

  /** A clock that moves forward by a fixed step at every reading. */
  private static final class StepClock extends Clock {
    private Instant now;
    private final Duration step;

    StepClock(Instant start, Duration step) {
      this.now = start;
      this.step = step;
    }

    @Override
    public Instant instant() {
      Instant current = now;
      now = now.plus(step);
      return current;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
