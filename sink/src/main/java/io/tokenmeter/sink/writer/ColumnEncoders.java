package io.tokenmeter.sink.writer;

import com.clickhouse.data.ClickHouseColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Compiles a column's ClickHouse type into a {@link ColumnEncoder} for the types the sink's tables
 * use: String (also LowCardinality), Bool, Int32, Int64, Decimal(P, S), DateTime64(P), Map(K, V)
 * and Nullable of each. RowBinary writes LowCardinality as its inner type. Any other type fails at
 * schema time, naming the column, rather than mid-batch.
 */
final class ColumnEncoders {

  private static final int MAX_DATETIME64_PRECISION = 9;

  private ColumnEncoders() {}

  /** The encoder for {@code column}, null values included. */
  static ColumnEncoder forColumn(ClickHouseColumn column) {
    ColumnEncoder value = forValues(column);
    String name = column.getColumnName();
    if (column.isNullable()) {
      // RowBinary's Nullable: one flag byte (1 = NULL), then the value only when not NULL.
      return (out, v) -> {
        if (v == null) {
          out.writeByte(1);
        } else {
          out.writeByte(0);
          value.write(out, v);
        }
      };
    }
    return (out, v) -> {
      if (v == null) {
        throw new IllegalArgumentException("column " + name + " is not Nullable but got null");
      }
      value.write(out, v);
    };
  }

  private static ColumnEncoder forValues(ClickHouseColumn column) {
    return switch (column.getDataType()) {
      case String -> (out, v) -> writeString(out, v);
      case Bool -> (out, v) -> out.writeByte(bool(v) ? 1 : 0);
      case Int32 -> (out, v) -> out.writeIntLittleEndian(Math.toIntExact(integer(v)));
      case Int64 -> (out, v) -> out.writeLongLittleEndian(integer(v));
      case Decimal, Decimal32, Decimal64, Decimal128, Decimal256 ->
          decimal(column.getPrecision(), column.getScale());
      case DateTime64 -> dateTime64(column.getScale());
      case Map -> map(forColumn(column.getKeyInfo()), forColumn(column.getValueInfo()));
      default ->
          throw new IllegalArgumentException(
              "column "
                  + column.getColumnName()
                  + " has type "
                  + column.getOriginalTypeName()
                  + ", which the sink's RowBinary encoder does not write; use insert.path=VALUES"
                  + " or add the type to "
                  + ColumnEncoders.class.getSimpleName());
    };
  }

  private static void writeString(RowBinaryBuffer out, Object value) {
    String text;
    if (value instanceof String string) {
      text = string;
    } else if (value instanceof CharSequence chars) {
      text = chars.toString();
    } else {
      throw mismatch("CharSequence", value);
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeVarUInt(utf8.length);
    out.writeBytes(utf8);
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw mismatch("Boolean", value);
  }

  private static long integer(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    throw new IllegalArgumentException("expected an integer but got " + typeOf(value));
  }

  /** Decimal(P, S) is the unscaled value as a little-endian two's-complement integer. */
  private static ColumnEncoder decimal(int precision, int scale) {
    int width = precision <= 9 ? 4 : precision <= 18 ? 8 : precision <= 38 ? 16 : 32;
    return (out, v) -> {
      if (!(v instanceof BigDecimal decimal)) {
        throw mismatch("BigDecimal", v);
      }
      BigDecimal scaled;
      try {
        scaled = decimal.setScale(scale, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(v + " has more than " + scale + " decimal places", e);
      }
      if (scaled.precision() > precision) {
        throw new IllegalArgumentException(
            v + " does not fit Decimal(" + precision + ", " + scale + ")");
      }
      writeTwosComplement(out, scaled.unscaledValue(), width);
    };
  }

  private static void writeTwosComplement(RowBinaryBuffer out, BigInteger value, int width) {
    if (value.bitLength() < Long.SIZE) {
      long small = value.longValue();
      if (width == 4) {
        out.writeIntLittleEndian((int) small);
        return;
      }
      out.writeLongLittleEndian(small);
      long sign = small < 0 ? -1L : 0L;
      for (int written = 8; written < width; written += 8) {
        out.writeLongLittleEndian(sign);
      }
      return;
    }
    byte[] bigEndian = value.toByteArray();
    byte sign = (byte) (value.signum() < 0 ? -1 : 0);
    for (int i = 0; i < width; i++) {
      int from = bigEndian.length - 1 - i;
      out.writeByte(from >= 0 ? bigEndian[from] : sign);
    }
  }

  /** DateTime64(P) is an Int64 count of 10^-P seconds since the epoch; the zone is metadata. */
  private static ColumnEncoder dateTime64(int precision) {
    if (precision < 0 || precision > MAX_DATETIME64_PRECISION) {
      throw new IllegalArgumentException("DateTime64 precision " + precision + " is out of 0..9");
    }
    long unitsPerSecond = BigInteger.TEN.pow(precision).longValueExact();
    long nanosPerUnit = 1_000_000_000L / unitsPerSecond;
    return (out, v) -> {
      if (!(v instanceof Instant instant)) {
        throw mismatch("Instant", v);
      }
      long units =
          Math.addExact(
              Math.multiplyExact(instant.getEpochSecond(), unitsPerSecond),
              instant.getNano() / nanosPerUnit);
      out.writeLongLittleEndian(units);
    };
  }

  /** Map(K, V): the entry count as LEB128, then key and value of each entry. */
  private static ColumnEncoder map(ColumnEncoder key, ColumnEncoder value) {
    return (out, v) -> {
      if (!(v instanceof Map<?, ?> entries)) {
        throw mismatch("Map", v);
      }
      out.writeVarUInt(entries.size());
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        key.write(out, entry.getKey());
        value.write(out, entry.getValue());
      }
    };
  }

  private static IllegalArgumentException mismatch(String expected, Object value) {
    return new IllegalArgumentException("expected " + expected + " but got " + typeOf(value));
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
