package io.tokenmeter.cli.testing;

import io.tokenmeter.cli.common.ConnectionSettings;
import io.tokenmeter.cli.common.KafkaClients;
import io.tokenmeter.registry.RegistryClientConfig;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import io.tokenmeter.serde.KafkaAvroSerializer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A one-partition-per-topic, in-memory Kafka for command tests: producers are MockProducers whose
 * records every later consumer reads back, through the real Avro serde on an in-process registry,
 * so a record the broker would refuse (a decimal of the wrong scale...) fails here too.
 */
public final class InMemoryKafka implements KafkaClients {

  private final String registryUrl = "mock://cli-test-" + UUID.randomUUID();
  private final List<MockProducer<String, SpecificRecord>> producers = new ArrayList<>();
  private final Set<String> compactedTopics = new LinkedHashSet<>();
  private final List<ConnectionSettings> connections = new ArrayList<>();
  private RuntimeException sendFailure;

  /** Makes every later send fail with {@code failure}, as an unreachable broker would. */
  public void failSends(RuntimeException failure) {
    this.sendFailure = failure;
  }

  /** Topics the CLI asked to have compacted, in order. */
  public Set<String> compactedTopics() {
    return Set.copyOf(compactedTopics);
  }

  /** The connection settings of every client created, in order. */
  public List<ConnectionSettings> connections() {
    return List.copyOf(connections);
  }

  /** Every record sent to {@code topic}, in order (null value = tombstone). */
  public List<ProducerRecord<String, SpecificRecord>> sent(String topic) {
    return producers.stream()
        .flatMap(p -> p.history().stream())
        .filter(r -> r.topic().equals(topic))
        .toList();
  }

  /** Writes records as another producer would, e.g. to seed a topic. */
  public void seed(String topic, String key, SpecificRecord value) {
    MockProducer<String, SpecificRecord> seeder = newProducer();
    seeder.send(new ProducerRecord<>(topic, key, value));
  }

  @Override
  public Producer<String, SpecificRecord> producer(ConnectionSettings settings) {
    connections.add(settings);
    MockProducer<String, SpecificRecord> producer = newProducer();
    producer.sendException = sendFailure;
    return producer;
  }

  @Override
  public <V extends SpecificRecord> Consumer<String, V> consumer(
      ConnectionSettings settings, Class<V> valueType) {
    connections.add(settings);
    MockConsumer<String, V> consumer = new MockConsumer<>("earliest");
    List<ProducerRecord<String, SpecificRecord>> topicRecords = new ArrayList<>();
    producers.forEach(p -> topicRecords.addAll(p.history()));
    Map<String, List<ProducerRecord<String, SpecificRecord>>> byTopic =
        topicRecords.stream().collect(Collectors.groupingBy(ProducerRecord::topic));
    KafkaAvroSerializer<SpecificRecord> serializer = new KafkaAvroSerializer<>();
    serializer.configure(Map.of(RegistryClientConfig.URL, registryUrl), false);
    KafkaAvroDeserializer<V> deserializer = new KafkaAvroDeserializer<>(valueType);
    deserializer.configure(Map.of(RegistryClientConfig.URL, registryUrl), false);
    byTopic.forEach(
        (topic, records) -> {
          TopicPartition partition = new TopicPartition(topic, 0);
          consumer.updatePartitions(topic, List.of(new PartitionInfo(topic, 0, null, null, null)));
          consumer.updateBeginningOffsets(Map.of(partition, 0L));
          consumer.updateEndOffsets(Map.of(partition, (long) records.size()));
          consumer.schedulePollTask(
              () -> {
                long offset = 0;
                for (ProducerRecord<String, SpecificRecord> record : records) {
                  byte[] bytes = serializer.serialize(topic, record.value());
                  V value = deserializer.deserialize(topic, bytes);
                  consumer.addRecord(new ConsumerRecord<>(topic, 0, offset++, record.key(), value));
                }
              });
        });
    return consumer;
  }

  @Override
  public void ensureCompactedTopic(ConnectionSettings settings, String topic) {
    connections.add(settings);
    compactedTopics.add(topic);
  }

  private MockProducer<String, SpecificRecord> newProducer() {
    KafkaAvroSerializer<SpecificRecord> serializer = new KafkaAvroSerializer<>();
    serializer.configure(Map.of(RegistryClientConfig.URL, registryUrl), false);
    MockProducer<String, SpecificRecord> producer =
        new MockProducer<>(true, null, new StringSerializer(), serializer);
    producers.add(producer);
    return producer;
  }
}
