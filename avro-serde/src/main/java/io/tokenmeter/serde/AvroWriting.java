package io.tokenmeter.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Finds a value's schema and writes it as a framed Confluent payload. */
final class AvroWriting {
  private static final Map<Class<?>, Schema.Type> PRIMITIVES =
      Map.of(
          Boolean.class, Schema.Type.BOOLEAN,
          Integer.class, Schema.Type.INT,
          Long.class, Schema.Type.LONG,
          Float.class, Schema.Type.FLOAT,
          Double.class, Schema.Type.DOUBLE,
          String.class, Schema.Type.STRING,
          byte[].class, Schema.Type.BYTES);

  /**
   * A buffer and an encoder reused per thread: a fresh encoder per record allocated about 2 KB and
   * was a measurable part of the publisher's per-record cost.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private AvroWriting() {}

  private static final class Scratch {
    /** A buffer grown past this by one large record is dropped rather than kept per thread. */
    private static final int KEPT_CAPACITY = 64 * 1024;

    private ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;

    ByteArrayOutputStream reset() {
      if (out.size() > KEPT_CAPACITY) {
        out = new ByteArrayOutputStream(256);
      }
      out.reset();
      return out;
    }

    void discardEncoder() {
      encoder = null;
    }

    BinaryEncoder encoder(ByteArrayOutputStream target) {
      encoder = EncoderFactory.get().binaryEncoder(target, encoder);
      return encoder;
    }
  }

  /** The schema of a generated record, a generic container, or a primitive (as Confluent does). */
  static Schema schemaOf(Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    if (value instanceof CharSequence) {
      return Schema.create(Schema.Type.STRING);
    }
    if (value instanceof ByteBuffer) {
      return Schema.create(Schema.Type.BYTES);
    }
    Schema.Type type = PRIMITIVES.get(value.getClass());
    if (type == null) {
      throw new AvroSerdeException(
          SerdeFailure.UNSUPPORTED_TYPE,
          "cannot serialize a "
              + value.getClass().getName()
              + ": pass a generated Avro class, a GenericRecord or an Avro primitive");
    }
    return Schema.create(type);
  }

  static byte[] frame(int schemaId, Schema writer, DatumWriter<Object> datumWriter, Object value) {
    Scratch scratch = SCRATCH.get();
    ByteArrayOutputStream out = scratch.reset();
    out.writeBytes(WireFormat.header(schemaId).array());
    try {
      if (writer.getType() == Schema.Type.BYTES) {
        // Confluent writes a bytes value raw, without Avro's length prefix; copied for interop.
        out.writeBytes(rawBytes(value));
      } else {
        BinaryEncoder encoder = scratch.encoder(out);
        datumWriter.write(value, encoder);
        encoder.flush();
      }
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      // The encoder may hold part of this record; reused, it would flush that into the next one.
      scratch.discardEncoder();
      throw new AvroSerdeException(
          SerdeFailure.MALFORMED_AVRO,
          "cannot encode " + writer.getFullName() + " with schema id " + schemaId + ": " + e,
          e);
    }
    return out.toByteArray();
  }

  private static byte[] rawBytes(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
    byte[] copy = new byte[buffer.remaining()];
    buffer.get(copy);
    return copy;
  }

  static DatumWriter<Object> writerFor(Schema writer, Object value) {
    if (value instanceof SpecificRecord) {
      // The generated class's own model carries its logical-type conversions (decimals).
      return new SpecificDatumWriter<>(writer, SpecificData.getForClass(value.getClass()));
    }
    return new GenericDatumWriter<>(writer, GenericData.get());
  }
}
