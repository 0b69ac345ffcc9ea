package io.tokenmeter.sink.row;

import java.util.List;

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
}
