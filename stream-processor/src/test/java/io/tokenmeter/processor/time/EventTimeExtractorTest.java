package io.tokenmeter.processor.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {
  private static final Instant EVENT_TIME = Instant.parse("2026-02-03T04:05:06.789Z");
  private static final long KAFKA_TIME = 1_800_000_000_000L;
  private static final long PARTITION_TIME = 1_700_000_000_000L;

  private final EventTimeExtractor extractor = new EventTimeExtractor();

  private static ConsumerRecord<Object, Object> record(Object value) {
    return new ConsumerRecord<>(
        "t",
        0,
        0,
        KAFKA_TIME,
        TimestampType.CREATE_TIME,
        0,
        0,
        "k",
        value,
        new RecordHeaders(),
        Optional.empty());
  }

  @Test
  void shouldTakeEventTimeFromUsagePayloadNotKafkaTimestamp() {
    UsageEvent event = TestEvents.event("e", "t", EVENT_TIME).build();
    assertThat(extractor.extract(record(event), PARTITION_TIME))
        .isEqualTo(EVENT_TIME.toEpochMilli());
  }

  @Test
  void shouldTakeEventTimeFromInsidePricedUsage() {
    UsageEvent event = TestEvents.event("e", "t", EVENT_TIME).build();
    assertThat(extractor.extract(record(TestEvents.priced(event, "1", "2")), PARTITION_TIME))
        .isEqualTo(EVENT_TIME.toEpochMilli());
  }

  @Test
  void shouldFallBackToPartitionTimeForRecordsWithoutEventTime() {
    assertThat(extractor.extract(record(new byte[] {1, 2}), PARTITION_TIME))
        .isEqualTo(PARTITION_TIME);
    assertThat(extractor.extract(record(null), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
  }

  @Test
  void shouldUseKafkaTimestampBeforeAnyPartitionTimeExists() {
    assertThat(extractor.extract(record(null), -1)).isEqualTo(KAFKA_TIME);
  }
}
