package io.tokenmeter.embedded.clickhouse.http;

import java.util.Set;

/**
 * The {@code result_rows} of a response, which the engine seam does not report. clickhouse-jdbc's
 * {@code Client.queryAll} (used for {@code DatabaseMetaData} version calls) reads no rows unless it
 * is above zero. Line formats are counted exactly; for other formats, a body with rows reports the
 * lower bound 1.
 */
final class ResultRows {

  private static final Set<String> LINE_FORMATS =
      Set.of(
          "TabSeparated",
          "TabSeparatedRaw",
          "TSV",
          "TSVRaw",
          "CSV",
          "TSKV",
          "JSONEachRow",
          "JSONCompactEachRow",
          "JSONStringsEachRow",
          "JSONCompactStringsEachRow",
          "JSONLines",
          "NDJSON",
          "LineAsString");

  private ResultRows() {}

  static long count(String format, byte[] body) {
    if (body.length == 0) {
      return 0;
    }
    if (format.equals("RowBinaryWithNamesAndTypes") || format.equals("RowBinaryWithNames")) {
      int headerEnd = rowBinaryHeaderEnd(body, format.endsWith("AndTypes") ? 2 : 1);
      return headerEnd >= 0 && headerEnd < body.length ? 1 : 0;
    }
    String base = format.replace("WithNamesAndTypes", "").replace("WithNames", "");
    if (LINE_FORMATS.contains(base)) {
      int headerLines =
          format.endsWith("WithNamesAndTypes") ? 2 : format.endsWith("WithNames") ? 1 : 0;
      long lines = 0;
      for (byte b : body) {
        if (b == '\n') {
          lines++;
        }
      }
      return Math.max(0, lines - headerLines);
    }
    return 1;
  }

  /** Where the rows start after the column count and {@code lists} lists of strings; -1 if cut. */
  private static int rowBinaryHeaderEnd(byte[] body, int lists) {
    int[] position = {0};
    long columns = varint(body, position);
    for (long i = 0; i < columns * lists && position[0] >= 0; i++) {
      long length = varint(body, position);
      if (position[0] < 0 || length > body.length - position[0]) {
        return -1;
      }
      position[0] += (int) length;
    }
    return position[0];
  }

  private static long varint(byte[] body, int[] position) {
    long value = 0;
    for (int shift = 0; shift < 64 && position[0] >= 0; shift += 7) {
      if (position[0] >= body.length) {
        position[0] = -1;
        return 0;
      }
      int b = body[position[0]++] & 0xff;
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    position[0] = -1;
    return 0;
  }
}
