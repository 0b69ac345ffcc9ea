package io.tokenmeter.processor.it;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.serde.AvroSerde;
import io.tokenmeter.testenv.StackEndpoints;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Avro producers and read_committed consumers on the test stack, for the processor's ITs. */
final class StackClients {
  private final StackEndpoints stack;

  StackClients(StackEndpoints stack) {
    this.stack = stack;
  }

  <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(
        Map.of(ProcessorSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    return serde;
  }

  Properties producerProps() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    return props;
  }

  <V> KafkaProducer<String, V> producer(AvroSerde<V> values) {
    return new KafkaProducer<>(producerProps(), new StringSerializer(), values.serializer());
  }

  /** Reads {@code topic} from the beginning, committed records only, in a group of its own. */
  <V extends SpecificRecord> KafkaConsumer<String, V> consumer(
      String topic, Class<V> type, Map<String, String> overrides) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putAll(overrides);
    KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), serde(type).deserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  <V extends SpecificRecord> KafkaConsumer<String, V> consumer(String topic, Class<V> type) {
    return consumer(topic, type, Map.of());
  }
}
