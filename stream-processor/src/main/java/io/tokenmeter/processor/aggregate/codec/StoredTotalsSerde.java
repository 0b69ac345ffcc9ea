package io.tokenmeter.processor.aggregate.codec;

import io.tokenmeter.processor.aggregate.StoredTotals;
import io.tokenmeter.schema.v1.WindowedAggregate;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the aggregate stores' values: a format byte, the emitted revision, then {@link
 * TotalsCodec}'s fields. Values written by earlier versions (registry-framed Avro {@code
 * WindowedAggregate}, first byte 0) are still read, as totals already emitted, so an upgrade keeps
 * the state of running windows.
 */
public final class StoredTotalsSerde implements Serde<StoredTotals> {
  /**
   * First byte of this format; Avro's wire format starts with magic byte 0, so they never clash.
   */
  static final byte FORMAT_V1 = 1;

  private static final byte LEGACY_AVRO_MAGIC = 0;

  /** About the size of a stored aggregate, so most values need no buffer growth. */
  private static final int TYPICAL_SIZE = 256;

  private final Deserializer<WindowedAggregate> legacy;

  /**
   * @param legacy reads the registry-framed Avro values of earlier versions
   */
  public StoredTotalsSerde(Deserializer<WindowedAggregate> legacy) {
    this.legacy = legacy;
  }

  @Override
  public Serializer<StoredTotals> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public Deserializer<StoredTotals> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(topic, bytes);
  }

  static byte[] encode(StoredTotals value) {
    CompactWriter out = new CompactWriter(TYPICAL_SIZE);
    out.writeByte(FORMAT_V1);
    out.writeLong(value.emittedRevision());
    TotalsCodec.write(out, value.totals());
    return out.toByteArray();
  }

  private StoredTotals decode(String topic, byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == LEGACY_AVRO_MAGIC) {
      return StoredTotals.emitted(legacy.deserialize(topic, bytes));
    }
    if (bytes.length == 0 || bytes[0] != FORMAT_V1) {
      throw new IllegalArgumentException(
          "Unknown stored aggregate format "
              + (bytes.length == 0 ? "(empty value)" : "byte " + bytes[0])
              + " in "
              + topic
              + "; it was written by a newer tokenmeter: run that version or reset the"
              + " application's state");
    }
    CompactReader in = new CompactReader(bytes, 1);
    long emittedRevision = in.readLong();
    WindowedAggregate totals = TotalsCodec.read(in);
    if (!in.atEnd()) {
      throw new IllegalArgumentException("Stored aggregate in " + topic + " has trailing bytes");
    }
    return new StoredTotals(totals, emittedRevision);
  }
}
