package io.tokenmeter.sink.row;

import java.util.List;
import org.apache.kafka.common.header.Headers;

/**
 * Turns one decoded record into the payload columns of its table (every column but the Kafka source
 * columns, in table order).
 *
 * @param <T> the generated Avro class read from the topic
 */
public interface RowMapper<T> {

  SinkTable table();

  Class<T> recordType();

  /**
   * @throws RowMappingException when a value cannot be stored (the record is then dead-lettered)
   */
  List<Object> payload(T record);

  /**
   * As {@link #payload(Object)}, for a table that also stores what the record's Kafka headers say;
   * most tables ignore them.
   *
   * @throws RowMappingException when a value or a header cannot be stored
   */
  default List<Object> payload(T record, Headers headers) {
    return payload(record);
  }
}
