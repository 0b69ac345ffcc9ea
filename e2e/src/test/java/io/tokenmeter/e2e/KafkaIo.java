package io.tokenmeter.e2e;

import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.serde.AvroSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka side of the tests: publishing prices and raw bytes, reading priced usage back. */
final class KafkaIo {

  private final String bootstrapServers;
  private final Map<String, String> registry;

  KafkaIo(String bootstrapServers, String schemaRegistryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.registry = Map.of("schema.registry.url", schemaRegistryUrl);
  }

  /** Publishes price versions keyed by version id, as the CLI does, and waits for the acks. */
  void publishPrices(String topic, List<ModelPrice> prices)
      throws InterruptedException, ExecutionException {
    publish(topic, prices, ModelPrice::getPriceVersionId, ModelPrice.class);
  }

  /** Publishes Avro records with the key {@code keyOf} gives (e.g. budgets by budget id). */
  <T extends SpecificRecord> void publish(
      String topic, List<T> records, Function<T, String> keyOf, Class<T> type)
      throws InterruptedException, ExecutionException {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(registry, false);
    try (KafkaProducer<String, T> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            serde.serializer())) {
      for (T record : records) {
        producer.send(new ProducerRecord<>(topic, keyOf.apply(record), record)).get();
      }
    }
  }

  /** Writes bytes that are not an Avro record to a topic: a poison record. */
  void publishRaw(String topic, byte[] key, byte[] value)
      throws InterruptedException, ExecutionException {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /**
   * How many committed records the topic holds per event id: everything from the start up to the
   * last stable offset as of this call, read without a consumer group (nothing to join or wait
   * for).
   */
  Map<String, Integer> pricedCountsByEventId(String topic, Duration timeout) {
    AvroSerde<PricedUsage> serde = AvroSerde.specific(PricedUsage.class);
    serde.configure(registry, false);
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Under read_committed these are the last stable offsets: what is committed right now.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to " + end + " within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          PricedUsage priced = serde.deserializer().deserialize(topic, record.value());
          counts.merge(priced.getEvent().getEventId(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
