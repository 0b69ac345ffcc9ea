package io.tokenmeter.serde;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Confluent's framing: magic byte 0, the schema id as a 4-byte big-endian int, then one bare Avro
 * binary datum (no container header, no single-object marker).
 */
final class WireFormat {
  static final byte MAGIC_BYTE = 0;
  static final int HEADER_LENGTH = 5;

  /** Confluent 8.x GUID framing; named in the error so the cause is obvious. */
  private static final byte GUID_MAGIC_BYTE = 1;

  private WireFormat() {}

  static ByteBuffer header(int schemaId) {
    return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).flip();
  }

  /** Validates the header and returns the schema id. */
  static int schemaId(byte[] payload) {
    if (payload.length == 0) {
      throw new AvroSerdeException(
          SerdeFailure.TRUNCATED,
          "payload is empty; a Confluent-framed record needs at least "
              + HEADER_LENGTH
              + " bytes (magic byte + 4-byte schema id)");
    }
    if (payload[0] != MAGIC_BYTE) {
      String hint =
          payload[0] == GUID_MAGIC_BYTE
              ? " (Confluent 8.x GUID framing, not supported: produce with magic byte 0)"
              : " (the record was not written by a Confluent-compatible Avro serializer)";
      throw new AvroSerdeException(
          SerdeFailure.BAD_MAGIC_BYTE,
          String.format(
              Locale.ROOT, "unknown magic byte 0x%02X, expected 0x00%s", payload[0] & 0xFF, hint));
    }
    if (payload.length < HEADER_LENGTH) {
      throw new AvroSerdeException(
          SerdeFailure.TRUNCATED,
          "payload has "
              + payload.length
              + " bytes but the Confluent header alone needs "
              + HEADER_LENGTH
              + " (magic byte + 4-byte schema id)");
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }
}
