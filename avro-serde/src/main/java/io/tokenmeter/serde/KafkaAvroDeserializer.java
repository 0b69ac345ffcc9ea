package io.tokenmeter.serde;

import io.tokenmeter.registry.SchemaRegistryClient;
import io.tokenmeter.registry.SchemaRegistryClients;
import io.tokenmeter.registry.SchemaRegistryException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for Confluent-framed Avro. Returns generated records when a reader class is
 * given (constructor or {@code specific.avro.<key|value>.type}) or {@code
 * specific.avro.reader=true}, else {@code GenericRecord}s (or Avro primitives). A null payload
 * gives null. Failures are {@link AvroSerdeException}s carrying a {@link SerdeFailure}. Thread-safe
 * once configured.
 */
public final class KafkaAvroDeserializer<T> implements Deserializer<T> {
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean isKey;
  private AvroSerdeConfig config;
  private Class<? extends SpecificRecord> readerType;
  private final ConcurrentMap<ReaderKey, PreparedReader> readers = new ConcurrentHashMap<>();

  /** Topic is part of the key only when the reader schema depends on the subject. */
  private record ReaderKey(int schemaId, String topic) {}

  private record PreparedReader(Schema writer, DatumReader<Object> reader) {}

  /** For Kafka's reflective construction; {@link #configure} creates the client. */
  public KafkaAvroDeserializer() {}

  public KafkaAvroDeserializer(SchemaRegistryClient client) {
    this.client = client;
  }

  /** Reads every record into the generated class {@code readerType} (its schema is the reader). */
  public KafkaAvroDeserializer(SchemaRegistryClient client, Class<T> readerType) {
    this.client = client;
    this.readerType = asSpecific(readerType);
  }

  /**
   * Like {@link #KafkaAvroDeserializer(SchemaRegistryClient, Class)}; configure makes the client.
   */
  public KafkaAvroDeserializer(Class<T> readerType) {
    this(null, readerType);
  }

  private static Class<? extends SpecificRecord> asSpecific(Class<?> type) {
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          type.getName() + " is not a generated Avro class (SpecificRecord)");
    }
    return type.asSubclass(SpecificRecord.class);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.fromMap(configs, isKey);
    this.isKey = isKey;
    if (readerType == null) {
      readerType = config.specificType().orElse(null);
    }
    if (client == null) {
      client = SchemaRegistryClients.create(configs);
      ownsClient = true;
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("KafkaAvroDeserializer used before configure(...)");
    }
    int schemaId = WireFormat.schemaId(data);
    ReaderKey key = new ReaderKey(schemaId, config.useLatestVersion() ? topic : null);
    PreparedReader prepared = readers.computeIfAbsent(key, k -> prepare(topic, schemaId));
    return decode(prepared, data, schemaId);
  }

  private PreparedReader prepare(String topic, int schemaId) {
    SubjectNameStrategy strategy = config.subjectNameStrategy();
    // The subject is only a context hint for the registry; skip it when it needs the schema.
    String hint =
        strategy.usesSchema() || topic == null ? null : strategy.subjectName(topic, isKey, null);
    Schema writer;
    try {
      writer = client.getSchemaById(schemaId, hint);
    } catch (SchemaRegistryException e) {
      throw RegistryFailures.translate(
          e, SerdeFailure.UNKNOWN_SCHEMA_ID, "schema id " + schemaId + " from the payload");
    }
    if (readerType != null) {
      return new PreparedReader(
          writer, ReaderFactory.forSpecificClass(readerType, writer, schemaId));
    }
    if (config.useLatestVersion()) {
      String subject = strategy.subjectName(topic, isKey, writer);
      Schema latest;
      try {
        latest = client.getLatestVersion(subject).schema();
      } catch (SchemaRegistryException e) {
        throw RegistryFailures.translate(
            e, SerdeFailure.SCHEMA_NOT_REGISTERED, "latest version of subject '" + subject + "'");
      }
      return new PreparedReader(writer, ReaderFactory.generic(latest, writer, schemaId));
    }
    if (config.specificAvroReader()) {
      return new PreparedReader(writer, ReaderFactory.forWriterNamedClass(writer, schemaId));
    }
    return new PreparedReader(writer, ReaderFactory.generic(writer, writer, schemaId));
  }

  @SuppressWarnings("unchecked")
  private T decode(PreparedReader prepared, byte[] data, int schemaId) {
    int bodyLength = data.length - WireFormat.HEADER_LENGTH;
    if (prepared.writer().getType() == Schema.Type.BYTES) {
      // Confluent writes bytes values raw: the whole rest of the payload is the value.
      return (T) Arrays.copyOfRange(data, WireFormat.HEADER_LENGTH, data.length);
    }
    BinaryDecoder decoder =
        DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH, bodyLength, null);
    Object value;
    try {
      value = prepared.reader().read(null, decoder);
      if (config.failOnTrailingData() && !decoder.isEnd()) {
        throw new AvroSerdeException(
            SerdeFailure.MALFORMED_AVRO,
            "bytes left after the Avro datum of schema id "
                + schemaId
                + " in a "
                + data.length
                + "-byte payload (avro.fail.on.trailing.data=true)");
      }
    } catch (EOFException e) {
      throw new AvroSerdeException(
          SerdeFailure.TRUNCATED,
          "Avro body of "
              + bodyLength
              + " bytes (payload "
              + data.length
              + " bytes incl. 5-byte header) ended before the datum of schema id "
              + schemaId
              + " was complete",
          e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof AvroSerdeException serdeException) {
        throw serdeException;
      }
      throw new AvroSerdeException(
          SerdeFailure.MALFORMED_AVRO,
          "cannot decode "
              + bodyLength
              + " Avro bytes with schema id "
              + schemaId
              + " ("
              + prepared.writer().getFullName()
              + "): "
              + e,
          e);
    }
    return (T) (value instanceof Utf8 utf8 ? utf8.toString() : value);
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
