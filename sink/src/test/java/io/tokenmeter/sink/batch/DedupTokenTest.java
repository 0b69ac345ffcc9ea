package io.tokenmeter.sink.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DedupTokenTest {

  private static final TopicPartition PARTITION =
      new TopicPartition("tokenmeter.priced-usage.v1", 3);

  @Test
  void shouldGiveTheSameRangeTheSameToken() {
    assertThat(DedupToken.of(PARTITION, 1200, 1299))
        .isEqualTo(DedupToken.of(new TopicPartition("tokenmeter.priced-usage.v1", 3), 1200, 1299))
        .isEqualTo("tokenmeter-sink/tokenmeter.priced-usage.v1/3/1200-1299");
  }

  @Test
  void shouldGiveDifferentTopicsPartitionsAndRangesDifferentTokens() {
    assertThat(
            List.of(
                DedupToken.of(PARTITION, 1200, 1299),
                DedupToken.of(PARTITION, 1200, 1298),
                DedupToken.of(PARTITION, 1201, 1299),
                DedupToken.of(new TopicPartition("tokenmeter.priced-usage.v1", 4), 1200, 1299),
                DedupToken.of(new TopicPartition("tokenmeter.priced-usage.v1x", 3), 1200, 1299),
                DedupToken.of(new TopicPartition("tokenmeter.priced-usage.v1", 31), 200, 1299)))
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldRejectAnEmptyRange() {
    assertThatThrownBy(() -> DedupToken.of(PARTITION, 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5..4");
  }

  @Test
  void shouldBuildTheBatchTokenFromItsFirstAndLastOffset() {
    Batch batch =
        new Batch(
            PARTITION,
            List.of(
                new ConsumerRecord<>(PARTITION.topic(), 3, 10L, null, new byte[0]),
                new ConsumerRecord<>(PARTITION.topic(), 3, 12L, null, new byte[0])));

    assertThat(batch.dedupToken()).isEqualTo(DedupToken.of(PARTITION, 10, 12));
    assertThat(batch.nextOffset()).isEqualTo(13);
  }
}
