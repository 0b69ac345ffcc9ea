package io.tokenmeter.clickhouse.engine.chdb;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes ClickHouse RowBinary values for tests (little-endian, LEB128 lengths). */
final class RowBinary {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  RowBinary uint64(long value) {
    return littleEndian(value, 8);
  }

  /** DateTime64(3): milliseconds since the epoch as Int64. */
  RowBinary dateTime64Millis(long epochMillis) {
    return littleEndian(epochMillis, 8);
  }

  /** Decimal(38, scale): the unscaled value as a little-endian Int128. */
  RowBinary decimal128(BigDecimal value, int scale) {
    byte[] bigEndian = value.setScale(scale).unscaledValue().toByteArray();
    byte sign = (byte) (value.signum() < 0 ? 0xFF : 0x00);
    for (int i = 0; i < 16; i++) {
      int index = bigEndian.length - 1 - i;
      out.write(index >= 0 ? bigEndian[index] : sign);
    }
    return this;
  }

  RowBinary string(String value) {
    return bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  RowBinary bytes(byte[] value) {
    varint(value.length);
    out.writeBytes(value);
    return this;
  }

  RowBinary nullableString(String value) {
    if (value == null) {
      out.write(1);
      return this;
    }
    out.write(0);
    return string(value);
  }

  RowBinary map(Map<String, String> entries) {
    varint(entries.size());
    entries.forEach(
        (key, value) -> {
          string(key);
          string(value);
        });
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private RowBinary littleEndian(long value, int width) {
    for (int i = 0; i < width; i++) {
      out.write((int) (value >>> (8 * i)) & 0xFF);
    }
    return this;
  }

  private void varint(long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
