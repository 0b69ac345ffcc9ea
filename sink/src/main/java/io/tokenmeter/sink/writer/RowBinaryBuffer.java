package io.tokenmeter.sink.writer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A growable byte buffer with ClickHouse's RowBinary primitives: little-endian integers and LEB128
 * lengths. One buffer is reused for every batch of an inserter, so a steady sink allocates its body
 * once (it grows to the largest batch: about 600 bytes per priced usage row).
 */
final class RowBinaryBuffer {

  private static final int INITIAL_CAPACITY = 64 * 1024;

  private byte[] bytes = new byte[INITIAL_CAPACITY];
  private int size;

  /** Forgets the content and keeps the capacity. */
  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  /** The content without copying; valid until the next write or {@link #clear()}. */
  InputStream asInputStream() {
    return new ByteArrayInputStream(bytes, 0, size);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  void writeIntLittleEndian(int value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      bytes[size++] = (byte) (value >>> (8 * i));
    }
  }

  void writeLongLittleEndian(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (value >>> (8 * i));
    }
  }

  /** An unsigned LEB128 number: how RowBinary prefixes string lengths and map sizes. */
  void writeVarUInt(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    bytes[size++] = (byte) rest;
  }

  void writeBytes(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      long wanted = Math.max((long) bytes.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException(
            "a RowBinary batch body would exceed 2 GiB; lower tokenmeter.sink.batch.max.rows");
      }
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
  }
}
