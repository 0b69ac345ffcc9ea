package io.tokenmeter.processor.aggregate.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link CompactWriter} wrote, in the same order; fails on truncated input. */
final class CompactReader {
  private final byte[] bytes;
  private int position;

  CompactReader(byte[] bytes, int offset) {
    this.bytes = bytes;
    this.position = offset;
  }

  int readByte() {
    if (position >= bytes.length) {
      throw new IllegalArgumentException(
          "Stored aggregate truncated at byte " + position + " of " + bytes.length);
    }
    return bytes[position++] & 0xFF;
  }

  boolean readBoolean() {
    return readByte() != 0;
  }

  long readLong() {
    long zigZag = 0;
    for (int shift = 0; shift < Long.SIZE; shift += 7) {
      int next = readByte();
      zigZag |= (long) (next & 0x7F) << shift;
      if ((next & 0x80) == 0) {
        return (zigZag >>> 1) ^ -(zigZag & 1);
      }
    }
    throw new IllegalArgumentException("Stored aggregate has a malformed number at " + position);
  }

  Long readNullableLong() {
    return readBoolean() ? readLong() : null;
  }

  String readString() {
    int length = length();
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  String readNullableString() {
    return readBoolean() ? readString() : null;
  }

  BigDecimal readDecimal() {
    int scale = Math.toIntExact(readLong());
    if (readByte() == 0) {
      return BigDecimal.valueOf(readLong(), scale);
    }
    int length = length();
    BigInteger unscaled = new BigInteger(Arrays.copyOfRange(bytes, position, position + length));
    position += length;
    return new BigDecimal(unscaled, scale);
  }

  boolean atEnd() {
    return position == bytes.length;
  }

  private int length() {
    long length = readLong();
    if (length < 0 || length > bytes.length - position) {
      throw new IllegalArgumentException(
          "Stored aggregate has a length of " + length + " at byte " + position + " past its end");
    }
    return (int) length;
  }
}
