package io.tokenmeter.serde;

import io.tokenmeter.registry.RegisteredSchema;
import io.tokenmeter.registry.SchemaRegistryClient;
import io.tokenmeter.registry.SchemaRegistryClients;
import io.tokenmeter.registry.SchemaRegistryException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for generated Avro records, {@code GenericRecord}s and Avro primitives in the
 * Confluent wire format. A null value becomes a null payload, so tombstones pass through.
 *
 * <p>Create it with no arguments and let Kafka call {@link #configure} (registry keys such as
 * {@code schema.registry.url} plus {@link AvroSerdeConfig} keys), or pass a client in. Thread-safe
 * once configured.
 */
public class KafkaAvroSerializer<T> implements Serializer<T> {
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean isKey;
  private AvroSerdeConfig config;
  private final ConcurrentMap<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

  /** For Kafka's reflective construction; {@link #configure} creates the client. */
  public KafkaAvroSerializer() {}

  /** Uses the given client; {@link #configure} then only reads serde settings. */
  public KafkaAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  /** A ready serializer using the given client. */
  public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
    this(client);
    configure(configs, isKey);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.fromMap(configs, isKey);
    this.isKey = isKey;
    if (client == null) {
      client = SchemaRegistryClients.create(configs);
      ownsClient = true;
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("KafkaAvroSerializer used before configure(...)");
    }
    Schema schema = AvroWriting.schemaOf(data);
    String subject = config.subjectNameStrategy().subjectName(topic, isKey, schema);
    if (config.autoRegisterSchemas()) {
      return AvroWriting.frame(register(subject, schema), schema, data);
    }
    if (config.useLatestVersion()) {
      RegisteredSchema latest = latest(subject, schema);
      return AvroWriting.frame(latest.id(), latest.schema(), data);
    }
    return AvroWriting.frame(lookUp(subject, schema), schema, data);
  }

  private int register(String subject, Schema schema) {
    try {
      return client.register(subject, schema);
    } catch (SchemaRegistryException e) {
      throw RegistryFailures.translate(
          e,
          SerdeFailure.REGISTRY_ERROR,
          "registering " + schema.getFullName() + " under '" + subject + "'");
    }
  }

  private int lookUp(String subject, Schema schema) {
    try {
      return client.lookUp(subject, schema).id();
    } catch (SchemaRegistryException e) {
      throw RegistryFailures.translate(
          e,
          SerdeFailure.SCHEMA_NOT_REGISTERED,
          "schema "
              + schema.getFullName()
              + " is not registered under subject '"
              + subject
              + "' and auto.register.schemas=false; register it first");
    }
  }

  private RegisteredSchema latest(String subject, Schema schema) {
    RegisteredSchema latest;
    try {
      latest = latestBySubject.computeIfAbsent(subject, client::getLatestVersion);
    } catch (SchemaRegistryException e) {
      throw RegistryFailures.translate(
          e, SerdeFailure.SCHEMA_NOT_REGISTERED, "no latest version of subject '" + subject + "'");
    }
    // Avro writes records by field position, so writing with a schema of another shape would
    // silently misplace fields; only the same (parsed) schema is safe.
    if (!latest.schema().equals(schema)) {
      throw new AvroSerdeException(
          SerdeFailure.SCHEMA_NOT_REGISTERED,
          "use.latest.version=true but the record's schema "
              + schema.getFullName()
              + " differs from latest version "
              + latest.version()
              + " (id "
              + latest.id()
              + ") of subject '"
              + subject
              + "'; produce records of the latest schema");
    }
    return latest;
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
