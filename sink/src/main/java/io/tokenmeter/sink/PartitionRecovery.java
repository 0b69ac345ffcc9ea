package io.tokenmeter.sink;

import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.writer.RowWriter;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a partition is already in ClickHouse: the highest {@code kafka_offset} of its table.
 * Batches land whole and in offset order per partition, so every record at or below it is stored.
 * Disabled, it reports nothing and only the dedup tokens protect against re-sent batches (which
 * works while batch boundaries after a restart equal those before).
 */
final class PartitionRecovery {

  private final RowWriter writer;
  private final RecordConverter converter;
  private final boolean enabled;

  PartitionRecovery(RowWriter writer, RecordConverter converter, boolean enabled) {
    this.writer = writer;
    this.converter = converter;
    this.enabled = enabled;
  }

  OptionalLong highestWrittenOffset(TopicPartition partition) throws Exception {
    if (!enabled) {
      return OptionalLong.empty();
    }
    return writer.highestOffset(
        converter.tableFor(partition.topic()), partition.topic(), partition.partition());
  }
}
