package io.tokenmeter.sink.row;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where each row came from: the last three columns of every table. The sink reads {@code
 * max(kafka_offset)} per partition after a restart to skip what is already written.
 */
public final class SourceColumns {

  public static final List<String> NAMES =
      List.of("kafka_topic", "kafka_partition", "kafka_offset");

  private SourceColumns() {}

  static void append(List<Object> row, ConsumerRecord<?, ?> record) {
    row.add(record.topic());
    row.add(record.partition());
    row.add(record.offset());
  }
}
