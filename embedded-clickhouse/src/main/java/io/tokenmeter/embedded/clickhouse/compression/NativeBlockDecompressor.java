package io.tokenmeter.embedded.clickhouse.compression;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/** Decodes a {@code decompress=1} request body: ClickHouse native blocks, checksums verified. */
public final class NativeBlockDecompressor {

  /** Larger than any block a client sends (the driver uses 64 KiB, ClickHouse 1 MiB). */
  public static final int MAX_BLOCK_BYTES = 128 << 20;

  private static final LZ4SafeDecompressor LZ4 = LZ4Factory.safeInstance().safeDecompressor();

  private final boolean verifyChecksums;
  private final long maxOutputBytes;

  /**
   * @param verifyChecksums false only when the client asked ClickHouse's {@code
   *     http_native_compression_disable_checksumming_on_decompress}
   * @param maxOutputBytes the largest decoded body accepted, so a small body cannot inflate beyond
   *     the request limit
   */
  public NativeBlockDecompressor(boolean verifyChecksums, long maxOutputBytes) {
    this.verifyChecksums = verifyChecksums;
    this.maxOutputBytes = maxOutputBytes;
  }

  /** Returns the concatenated uncompressed contents of all blocks in {@code framed}. */
  public byte[] decompress(byte[] framed) throws CorruptCompressedDataException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, framed.length * 3));
    int position = 0;
    while (position < framed.length) {
      position = decodeBlock(framed, position, out);
    }
    return out.toByteArray();
  }

  private int decodeBlock(byte[] framed, int start, ByteArrayOutputStream out)
      throws CorruptCompressedDataException {
    if (framed.length - start < NativeBlockFormat.PAYLOAD_OFFSET) {
      throw corrupt(
          start, "a block header needs 25 bytes, only " + (framed.length - start) + " left");
    }
    int compressedSize =
        NativeBlockFormat.getInt32(framed, start + NativeBlockFormat.COMPRESSED_SIZE_OFFSET);
    int uncompressedSize =
        NativeBlockFormat.getInt32(framed, start + NativeBlockFormat.UNCOMPRESSED_SIZE_OFFSET);
    if (compressedSize < NativeBlockFormat.HEADER_BYTES
        || compressedSize > framed.length - start - NativeBlockFormat.CHECKSUM_BYTES) {
      throw corrupt(
          start,
          "compressed size "
              + Integer.toUnsignedString(compressedSize)
              + " does not fit in the "
              + (framed.length - start)
              + " bytes left");
    }
    if (uncompressedSize < 0
        || uncompressedSize > MAX_BLOCK_BYTES
        || out.size() + (long) uncompressedSize > maxOutputBytes) {
      throw corrupt(
          start,
          "uncompressed size "
              + Integer.toUnsignedString(uncompressedSize)
              + " is beyond the limit of "
              + Math.min(MAX_BLOCK_BYTES, maxOutputBytes)
              + " bytes");
    }
    if (verifyChecksums) {
      verifyChecksum(framed, start, compressedSize);
    }
    byte method = framed[start + NativeBlockFormat.METHOD_OFFSET];
    int payloadStart = start + NativeBlockFormat.PAYLOAD_OFFSET;
    int payloadLength = compressedSize - NativeBlockFormat.HEADER_BYTES;
    if (method == NativeBlockFormat.METHOD_NONE) {
      if (payloadLength != uncompressedSize) {
        throw corrupt(start, "an uncompressed block must hold exactly its uncompressed size");
      }
      out.write(framed, payloadStart, payloadLength);
    } else if (method == NativeBlockFormat.METHOD_LZ4) {
      out.writeBytes(lz4(framed, start, payloadStart, payloadLength, uncompressedSize));
    } else {
      throw corrupt(
          start,
          String.format(
              Locale.ROOT,
              "compression method 0x%02x is not supported (only LZ4 0x82 and none 0x02)",
              method));
    }
    return start + NativeBlockFormat.CHECKSUM_BYTES + compressedSize;
  }

  private static byte[] lz4(
      byte[] framed, int start, int payloadStart, int payloadLength, int uncompressedSize)
      throws CorruptCompressedDataException {
    byte[] decoded = new byte[uncompressedSize];
    try {
      int produced =
          LZ4.decompress(framed, payloadStart, payloadLength, decoded, 0, uncompressedSize);
      if (produced != uncompressedSize) {
        throw corrupt(
            start,
            "LZ4 data decoded to " + produced + " bytes, the header says " + uncompressedSize);
      }
    } catch (LZ4Exception e) {
      throw new CorruptCompressedDataException(
          "Corrupt LZ4 data in the compressed block at byte " + start + ": " + e.getMessage(), e);
    }
    return decoded;
  }

  private static void verifyChecksum(byte[] framed, int start, int compressedSize)
      throws CorruptCompressedDataException {
    long[] actual =
        CityHash128.hash(framed, start + NativeBlockFormat.CHECKSUM_BYTES, compressedSize);
    long expectedLow = NativeBlockFormat.getInt64(framed, start);
    long expectedHigh = NativeBlockFormat.getInt64(framed, start + 8);
    if (actual[0] != expectedLow || actual[1] != expectedHigh) {
      throw corrupt(
          start,
          String.format(
              Locale.ROOT,
              "checksum mismatch (expected %016x%016x, computed %016x%016x)",
              expectedHigh,
              expectedLow,
              actual[1],
              actual[0]));
    }
  }

  private static CorruptCompressedDataException corrupt(int start, String problem) {
    return new CorruptCompressedDataException(
        "Corrupt compressed request body (decompress=1) in the block at byte "
            + start
            + ": "
            + problem
            + ". Send ClickHouse native LZ4 blocks, or drop decompress=1.");
  }
}
