package io.tokenmeter.serde;

import io.tokenmeter.registry.RegisteredSchema;
import io.tokenmeter.registry.RegistryNotFoundException;
import io.tokenmeter.registry.SchemaRegistryClient;
import io.tokenmeter.registry.SchemaRegistryClients;
import io.tokenmeter.registry.SchemaRegistryException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for generated Avro records, {@code GenericRecord}s and Avro primitives in the
 * Confluent wire format. A null value becomes a null payload, so tombstones pass through.
 *
 * <p>Create it with no arguments and let Kafka call {@link #configure} (registry keys such as
 * {@code schema.registry.url} plus {@link AvroSerdeConfig} keys), or pass a client in. Thread-safe
 * once configured.
 *
 * <p>Schemas are registered and looked up in their portable form, without the {@code
 * avro.java.string} property generated classes carry, so a subject registered from the {@code
 * .avsc} file (CLI, Python, release script) and a JVM write share one version. A subject that
 * already holds the Java-flavoured form keeps being written with it.
 */
public final class KafkaAvroSerializer<T> implements Serializer<T> {
  /** Bound on the per-serializer cache; it only fills up if callers build schemas per record. */
  static final int MAX_CACHED_SCHEMAS = 1_000;

  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean isKey;
  private AvroSerdeConfig config;
  private final ConcurrentMap<Target, Prepared> prepared = new ConcurrentHashMap<>();

  /**
   * Cache key by schema identity: generated classes share one schema instance, so this avoids
   * re-printing the schema to compare it on every record.
   */
  private record Target(String subject, Schema schema, Class<?> valueType) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Target that
          && subject.equals(that.subject)
          && schema == that.schema
          && valueType == that.valueType;
    }

    @Override
    public int hashCode() {
      return (subject.hashCode() * 31 + System.identityHashCode(schema)) * 31
          + valueType.hashCode();
    }
  }

  /** The schema id and Avro writer a value of a target is written with. */
  private record Prepared(int schemaId, Schema writerSchema, DatumWriter<Object> writer) {}

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
    prepared.clear();
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
    Target target = new Target(subject, schema, data.getClass());
    Prepared ready = prepared.get(target);
    if (ready == null) {
      ready = prepare(subject, schema, data);
      if (prepared.size() >= MAX_CACHED_SCHEMAS) {
        prepared.clear();
      }
      prepared.put(target, ready);
    }
    return AvroWriting.frame(ready.schemaId(), ready.writerSchema(), ready.writer(), data);
  }

  private Prepared prepare(String subject, Schema schema, Object data) {
    int id;
    Schema writerSchema = schema;
    Schema portable = PortableSchemas.portable(schema);
    if (config.autoRegisterSchemas()) {
      id = register(subject, schema, portable);
    } else if (config.useLatestVersion()) {
      RegisteredSchema latest = latest(subject, schema, portable);
      id = latest.id();
      writerSchema = latest.schema();
    } else {
      id = lookUp(subject, schema, portable);
    }
    return new Prepared(id, writerSchema, AvroWriting.writerFor(writerSchema, data));
  }

  /**
   * Registers the portable form. A subject that already holds the Java-flavoured form (written by
   * an earlier version of this serializer) keeps using it, so neither order adds a version.
   */
  private int register(String subject, Schema schema, Schema portable) {
    String operation = "registering " + schema.getFullName() + " under '" + subject + "'";
    try {
      if (portable != schema) {
        try {
          return client.lookUp(subject, schema).id();
        } catch (RegistryNotFoundException notRegisteredInJavaForm) {
          // The usual case: register the portable form below.
        }
      }
      return client.register(subject, portable);
    } catch (SchemaRegistryException e) {
      throw RegistryFailures.translate(e, SerdeFailure.REGISTRY_ERROR, operation);
    }
  }

  private int lookUp(String subject, Schema schema, Schema portable) {
    try {
      try {
        return client.lookUp(subject, portable).id();
      } catch (RegistryNotFoundException e) {
        if (portable == schema) {
          throw e;
        }
        return client.lookUp(subject, schema).id();
      }
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

  private RegisteredSchema latest(String subject, Schema schema, Schema portable) {
    RegisteredSchema latest;
    try {
      latest = client.getLatestVersion(subject);
    } catch (SchemaRegistryException e) {
      throw RegistryFailures.translate(
          e, SerdeFailure.SCHEMA_NOT_REGISTERED, "no latest version of subject '" + subject + "'");
    }
    // Avro writes records by field position, so writing with a schema of another shape would
    // silently misplace fields; only the same (parsed) schema is safe.
    if (!latest.schema().equals(schema) && !latest.schema().equals(portable)) {
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
