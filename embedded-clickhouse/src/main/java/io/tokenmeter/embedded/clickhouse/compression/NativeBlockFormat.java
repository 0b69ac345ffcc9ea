package io.tokenmeter.embedded.clickhouse.compression;

/**
 * Layout of ClickHouse's native compressed block, the framing of {@code compress=1} responses and
 * {@code decompress=1} requests: 16-byte CityHash128 checksum, method byte, compressed size
 * (including the 9-byte header), uncompressed size, then one raw LZ4 block.
 */
final class NativeBlockFormat {

  static final int CHECKSUM_BYTES = 16;
  static final int HEADER_BYTES = 9;
  static final int METHOD_OFFSET = CHECKSUM_BYTES;
  static final int COMPRESSED_SIZE_OFFSET = CHECKSUM_BYTES + 1;
  static final int UNCOMPRESSED_SIZE_OFFSET = CHECKSUM_BYTES + 5;
  static final int PAYLOAD_OFFSET = CHECKSUM_BYTES + HEADER_BYTES;

  /** The only method clickhouse-jdbc 0.9.4 accepts in a response. */
  static final byte METHOD_LZ4 = (byte) 0x82;

  /** ClickHouse's method byte for an uncompressed block; accepted in requests for completeness. */
  static final byte METHOD_NONE = (byte) 0x02;

  private NativeBlockFormat() {}

  static void putInt32(byte[] target, int offset, int value) {
    target[offset] = (byte) value;
    target[offset + 1] = (byte) (value >>> 8);
    target[offset + 2] = (byte) (value >>> 16);
    target[offset + 3] = (byte) (value >>> 24);
  }

  static void putInt64(byte[] target, int offset, long value) {
    for (int i = 0; i < 8; i++) {
      target[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  static int getInt32(byte[] source, int offset) {
    return (source[offset] & 0xff)
        | (source[offset + 1] & 0xff) << 8
        | (source[offset + 2] & 0xff) << 16
        | (source[offset + 3] & 0xff) << 24;
  }

  static long getInt64(byte[] source, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (source[offset + i] & 0xffL);
    }
    return value;
  }
}
