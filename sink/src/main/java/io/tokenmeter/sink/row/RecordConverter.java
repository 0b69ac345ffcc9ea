package io.tokenmeter.sink.row;

import io.tokenmeter.registry.SchemaRegistryClient;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.error.ErrorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a raw Kafka record into its table's row, or into a dead-letter row when the record is
 * poison (cannot be decoded or stored). Retriable failures (registry unreachable) are thrown as
 * {@link RetriableRecordException} so the batch is retried instead.
 */
public final class RecordConverter implements AutoCloseable {

  /** The {@code stage} of dead letters written by the sink: {@code sink/<table>}. */
  public static final String STAGE_PREFIX = "sink/";

  private final Map<String, Route<?>> routes = new HashMap<>();
  private final ErrorClassifier classifier;
  private final Clock clock;

  private record Route<T>(RowMapper<T> mapper, KafkaAvroDeserializer<T> deserializer) {
    List<Object> payload(ConsumerRecord<byte[], byte[]> record) {
      return mapper.payload(
          deserializer.deserialize(record.topic(), record.value()), record.headers());
    }
  }

  /**
   * @param serdeConfigs deserializer configuration (registry keys and Confluent serde keys)
   */
  public RecordConverter(
      SinkTopics topics,
      SchemaRegistryClient registry,
      Map<String, ?> serdeConfigs,
      ErrorClassifier classifier,
      Clock clock) {
    this.classifier = classifier;
    this.clock = clock;
    add(topics.pricedUsage(), new PricedUsageRows(), registry, serdeConfigs);
    add(topics.aggregates(), new AggregateRows(), registry, serdeConfigs);
    add(topics.budgetAlerts(), new BudgetAlertRows(), registry, serdeConfigs);
    add(topics.unpricedUsage(), new UnpricedUsageRows(), registry, serdeConfigs);
    add(topics.deadLetters(), new DeadLetterRows(), registry, serdeConfigs);
  }

  private <T> void add(
      String topic, RowMapper<T> mapper, SchemaRegistryClient registry, Map<String, ?> configs) {
    KafkaAvroDeserializer<T> deserializer =
        new KafkaAvroDeserializer<>(registry, mapper.recordType());
    deserializer.configure(configs, false);
    routes.put(topic, new Route<>(mapper, deserializer));
  }

  /** The table a topic's records go to. */
  public SinkTable tableFor(String topic) {
    return route(topic).mapper().table();
  }

  /**
   * @throws RetriableRecordException when the record may convert later (registry unavailable)
   */
  public Row convert(ConsumerRecord<byte[], byte[]> record) {
    Route<?> route = route(record.topic());
    if (record.value() == null) {
      return deadLetter(
          record,
          DeadLetterReason.INVALID_EVENT,
          "null value (tombstone) on a topic of events",
          null);
    }
    List<Object> values;
    try {
      values = new ArrayList<>(route.payload(record));
    } catch (RuntimeException e) {
      if (classifier.classify(e) == ErrorKind.RETRIABLE) {
        throw new RetriableRecordException(
            "Cannot decode " + record.topic() + "-" + record.partition() + "@" + record.offset(),
            e);
      }
      return deadLetter(record, classifier.deadLetterReason(e), e.getMessage(), e);
    }
    SourceColumns.append(values, record);
    return new Row(route.mapper().table(), record.offset(), values);
  }

  /** A dead-letter row for a record the sink gives up on, with the reason. */
  public Row deadLetter(
      ConsumerRecord<byte[], byte[]> record,
      DeadLetterReason reason,
      String message,
      Throwable cause) {
    List<Object> values = new ArrayList<>(SinkTable.DEAD_LETTERS.columns().size());
    values.add(record.topic());
    values.add(record.partition());
    values.add(record.offset());
    values.add(record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()));
    values.add(DeadLetterRows.hex(record.key()));
    values.add(DeadLetterRows.hex(record.value()));
    values.add(reason.name());
    values.add(message == null ? reason.name() : message);
    values.add(STAGE_PREFIX + tableFor(record.topic()).tableName());
    values.add(cause == null ? null : cause.getClass().getName());
    values.add(clock.instant());
    SourceColumns.append(values, record);
    return new Row(SinkTable.DEAD_LETTERS, record.offset(), values);
  }

  private Route<?> route(String topic) {
    Route<?> route = routes.get(topic);
    if (route == null) {
      throw new IllegalArgumentException("topic " + topic + " is not one of the sink's topics");
    }
    return route;
  }

  @Override
  public void close() {
    routes.values().forEach(route -> route.deserializer().close());
  }
}
