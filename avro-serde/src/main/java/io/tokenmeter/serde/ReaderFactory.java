package io.tokenmeter.serde;

import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds the Avro reader for one writer schema: the reader schema is a generated class's schema
 * (typed deserializer, {@code specific.avro.*.type}, or {@code specific.avro.reader=true}), the
 * subject's latest schema ({@code use.latest.version}) or the writer schema itself. Avro schema
 * resolution then handles older writers (added fields with defaults, removed fields, promotions).
 */
final class ReaderFactory {
  private ReaderFactory() {}

  static DatumReader<Object> forSpecificClass(
      Class<? extends SpecificRecord> type, Schema writer, int writerId) {
    SpecificData model = SpecificData.getForClass(type);
    Schema reader = model.getSchema(type);
    checkResolvable(reader, writer, writerId);
    return new SpecificDatumReader<>(writer, reader, model);
  }

  /** The generated class named like the writer schema; primitives stay generic. */
  static DatumReader<Object> forWriterNamedClass(Schema writer, int writerId) {
    if (!isNamed(writer)) {
      return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
    SpecificData lookup = new SpecificData(Thread.currentThread().getContextClassLoader());
    Class<?> type = lookup.getClass(writer);
    if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
      throw new AvroSerdeException(
          SerdeFailure.UNSUPPORTED_TYPE,
          "specific.avro.reader=true but no generated class "
              + writer.getFullName()
              + " (schema id "
              + writerId
              + ") is on the classpath");
    }
    return forSpecificClass(type.asSubclass(SpecificRecord.class), writer, writerId);
  }

  static DatumReader<Object> generic(Schema reader, Schema writer, int writerId) {
    checkResolvable(reader, writer, writerId);
    return new GenericDatumReader<>(writer, reader, GenericData.get());
  }

  private static boolean isNamed(Schema schema) {
    return schema.getType() == Schema.Type.RECORD
        || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED;
  }

  /** Names the top-level reader field of a location such as {@code /fields/0/type}. */
  private static String fieldName(Schema reader, String location) {
    String[] parts = location.split("/");
    if (parts.length > 2 && parts[1].equals("fields") && reader.getType() == Schema.Type.RECORD) {
      try {
        return " [field '" + reader.getFields().get(Integer.parseInt(parts[2])).name() + "']";
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        return "";
      }
    }
    return "";
  }

  /** Fails once per writer id with a readable reason, instead of per record inside Avro. */
  private static void checkResolvable(Schema reader, Schema writer, int writerId) {
    if (reader.equals(writer)) {
      return;
    }
    SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    String problems =
        result.getResult().getIncompatibilities().stream()
            .map(
                i ->
                    i.getType()
                        + " at "
                        + i.getLocation()
                        + fieldName(reader, i.getLocation())
                        + " ("
                        + i.getMessage()
                        + ")")
            .collect(Collectors.joining("; "));
    throw new AvroSerdeException(
        SerdeFailure.INCOMPATIBLE_SCHEMA,
        "records written with schema id "
            + writerId
            + " ("
            + writer.getFullName()
            + ") cannot be read with reader schema "
            + reader.getFullName()
            + ": "
            + problems);
  }
}
