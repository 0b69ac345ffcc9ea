package io.tokenmeter.serde;

import io.tokenmeter.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} (usable by Kafka Streams) pairing {@link KafkaAvroSerializer} and {@link
 * KafkaAvroDeserializer}. Call {@link #configure} with the registry settings before use.
 *
 * <pre>{@code
 * Serde<UsageEvent> serde = AvroSerde.specific(UsageEvent.class);
 * serde.configure(Map.of("schema.registry.url", url), false);
 * }</pre>
 */
public final class AvroSerde<T> implements Serde<T> {
  private final KafkaAvroSerializer<T> serializer;
  private final KafkaAvroDeserializer<T> deserializer;

  /**
   * For reflective construction, e.g. Kafka Streams' {@code default.value.serde}: generic records,
   * or generated ones when {@code specific.avro.reader} / {@code specific.avro.value.type} is set.
   */
  public AvroSerde() {
    this(new KafkaAvroSerializer<>(), new KafkaAvroDeserializer<>());
  }

  private AvroSerde(KafkaAvroSerializer<T> serializer, KafkaAvroDeserializer<T> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
  }

  /** Generated records of one class; that class's schema is the reader schema. */
  public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type) {
    return new AvroSerde<>(new KafkaAvroSerializer<>(), new KafkaAvroDeserializer<>(type));
  }

  /** Like {@link #specific(Class)}, sharing an existing registry client. */
  public static <T extends SpecificRecord> AvroSerde<T> specific(
      Class<T> type, SchemaRegistryClient client) {
    return new AvroSerde<>(
        new KafkaAvroSerializer<>(client), new KafkaAvroDeserializer<>(client, type));
  }

  /** Generic records, read with their writer schema. */
  public static AvroSerde<GenericRecord> generic() {
    return new AvroSerde<>(new KafkaAvroSerializer<>(), new KafkaAvroDeserializer<>());
  }

  /** Generic records, sharing an existing registry client. */
  public static AvroSerde<GenericRecord> generic(SchemaRegistryClient client) {
    return new AvroSerde<>(new KafkaAvroSerializer<>(client), new KafkaAvroDeserializer<>(client));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
