package io.tokenmeter.sink.batch;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition's records over a contiguous offset range (gaps only where Kafka has no record, e.g.
 * transaction markers). A batch is immutable: after a failure the same object, hence the same range
 * and token, is written again.
 *
 * @param partition where the records come from
 * @param records in offset order, never empty
 */
public record Batch(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {

  public Batch {
    records = List.copyOf(records);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one record");
    }
  }

  public long firstOffset() {
    return records.getFirst().offset();
  }

  public long lastOffset() {
    return records.getLast().offset();
  }

  /** The offset to commit once the batch is in ClickHouse. */
  public long nextOffset() {
    return lastOffset() + 1;
  }

  public String dedupToken() {
    return DedupToken.of(partition, firstOffset(), lastOffset());
  }
}
