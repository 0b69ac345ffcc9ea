package io.tokenmeter.cli.common;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The seam between commands and Kafka: {@link BrokerClients} talks to a real cluster, tests pass an
 * in-memory implementation. Callers close what they get.
 */
public interface KafkaClients {

  /** A producer of Avro values keyed by string (idempotent, acks=all for the real one). */
  Producer<String, SpecificRecord> producer(ConnectionSettings settings);

  /** A consumer without a group, reading {@code valueType} records (null = tombstone). */
  <V extends SpecificRecord> Consumer<String, V> consumer(
      ConnectionSettings settings, Class<V> valueType);

  /**
   * Creates {@code topic} with {@code cleanup.policy=compact} when it does not exist, so the first
   * import does not leave an auto-created, deleting topic behind; warns if an existing topic is not
   * compacted.
   */
  void ensureCompactedTopic(ConnectionSettings settings, String topic);
}
