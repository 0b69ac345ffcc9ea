package io.tokenmeter.dev.kafka;

import io.tokenmeter.registry.RegistryClientConfig;
import io.tokenmeter.serde.KafkaAvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes keyed Avro records (prices, budgets) and waits until the broker has every one. */
public final class KeyedPublisher implements AutoCloseable {

  private final KafkaProducer<String, SpecificRecord> producer;
  private final Duration timeout;

  public KeyedPublisher(String bootstrapServers, String registryUrl, Duration timeout) {
    this.timeout = timeout;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "tokenmeter-dev-loader",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                KafkaAvroSerializer.class.getName(),
                RegistryClientConfig.URL,
                registryUrl));
  }

  /**
   * @return how many records were written
   */
  public int publish(String topic, List<Map.Entry<String, ? extends SpecificRecord>> records)
      throws TimeoutException, ExecutionException, InterruptedException {
    List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
    for (Map.Entry<String, ? extends SpecificRecord> entry : records) {
      acks.add(producer.send(new ProducerRecord<>(topic, entry.getKey(), entry.getValue())));
    }
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return acks.size();
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
