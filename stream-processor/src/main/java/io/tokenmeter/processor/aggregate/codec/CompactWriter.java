package io.tokenmeter.processor.aggregate.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends primitive values to a growing byte array: zig-zag variable-length longs, length-prefixed
 * UTF-8 strings, decimals as scale + unscaled value (a long when it fits, else its bytes), and a
 * presence byte before nullable values. One writer per value written; not thread-safe.
 */
final class CompactWriter {
  private byte[] bytes;
  private int size;

  CompactWriter(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  void writeLong(long value) {
    ensure(10);
    long zigZag = (value << 1) ^ (value >> 63);
    while ((zigZag & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((zigZag & 0x7F) | 0x80);
      zigZag >>>= 7;
    }
    bytes[size++] = (byte) zigZag;
  }

  void writeNullableLong(Long value) {
    writeBoolean(value != null);
    if (value != null) {
      writeLong(value);
    }
  }

  void writeString(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeLong(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
  }

  void writeNullableString(String value) {
    writeBoolean(value != null);
    if (value != null) {
      writeString(value);
    }
  }

  void writeDecimal(BigDecimal value) {
    writeLong(value.scale());
    BigInteger unscaled = value.unscaledValue();
    if (unscaled.bitLength() < Long.SIZE) {
      writeByte(0);
      writeLong(unscaled.longValue());
    } else {
      byte[] twosComplement = unscaled.toByteArray();
      writeByte(1);
      writeLong(twosComplement.length);
      ensure(twosComplement.length);
      System.arraycopy(twosComplement, 0, bytes, size, twosComplement.length);
      size += twosComplement.length;
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
