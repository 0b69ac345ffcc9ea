package io.tokenmeter.embedded.clickhouse.compression;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/** Frames a response body as ClickHouse native LZ4 blocks, as the driver's default needs. */
public final class NativeBlockCompressor {

  /** ClickHouse's own {@code max_compress_block_size}; one block per MiB of body. */
  public static final int DEFAULT_BLOCK_BYTES = 1 << 20;

  // The pure-Java ("safe") codec: no JNI library to load and no sun.misc.Unsafe warnings on JDK 25.
  private static final LZ4Compressor LZ4 = LZ4Factory.safeInstance().fastCompressor();

  private final int blockBytes;

  public NativeBlockCompressor() {
    this(DEFAULT_BLOCK_BYTES);
  }

  public NativeBlockCompressor(int blockBytes) {
    if (blockBytes <= 0) {
      throw new IllegalArgumentException(
          "blockBytes must be positive (ClickHouse uses 1048576), got " + blockBytes);
    }
    this.blockBytes = blockBytes;
  }

  /**
   * Returns {@code body} framed; an empty body gives zero blocks, which the driver reads as EOF.
   */
  public byte[] compress(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
    for (int start = 0; start < body.length; start += blockBytes) {
      int length = Math.min(blockBytes, body.length - start);
      out.writeBytes(block(body, start, length));
    }
    return out.toByteArray();
  }

  private static byte[] block(byte[] body, int start, int length) {
    int maxPayload = LZ4.maxCompressedLength(length);
    byte[] block = new byte[NativeBlockFormat.PAYLOAD_OFFSET + maxPayload];
    int payload =
        LZ4.compress(body, start, length, block, NativeBlockFormat.PAYLOAD_OFFSET, maxPayload);
    block[NativeBlockFormat.METHOD_OFFSET] = NativeBlockFormat.METHOD_LZ4;
    NativeBlockFormat.putInt32(
        block, NativeBlockFormat.COMPRESSED_SIZE_OFFSET, NativeBlockFormat.HEADER_BYTES + payload);
    NativeBlockFormat.putInt32(block, NativeBlockFormat.UNCOMPRESSED_SIZE_OFFSET, length);
    // The checksum covers the header from the method byte on, plus the LZ4 payload.
    long[] checksum =
        CityHash128.hash(
            block, NativeBlockFormat.CHECKSUM_BYTES, NativeBlockFormat.HEADER_BYTES + payload);
    NativeBlockFormat.putInt64(block, 0, checksum[0]);
    NativeBlockFormat.putInt64(block, 8, checksum[1]);
    return Arrays.copyOf(block, NativeBlockFormat.PAYLOAD_OFFSET + payload);
  }
}
