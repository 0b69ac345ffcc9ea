package io.tokenmeter.embedded.clickhouse.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * A request's statement and, for {@code INSERT ... FORMAT X}, its data, split as ClickHouse splits
 * them: the {@code query} URL parameter and the body are one text ({@code query + "\n" + body}),
 * and whatever follows the format name of an INSERT (after spaces and one line break) is data.
 *
 * @param sql the statement text without the data
 * @param data the INSERT's data, exactly as sent (binary-safe); {@code null} when there is none
 */
record StatementText(String sql, byte[] data) {

  /** Words that may start a statement without side effects (allowed for GET, as in ClickHouse). */
  private static final Set<String> READ_ONLY_STARTS =
      Set.of("SELECT", "SHOW", "DESCRIBE", "DESC", "EXISTS", "WITH", "EXPLAIN");

  /**
   * Words that show an INSERT names its rows itself, so it has no FORMAT data: in SQL, or with
   * {@code FROM INFILE 'path'} in a file the engine reads (the embedded engine shares this host; a
   * ClickHouse server would refuse INFILE over HTTP).
   */
  private static final Set<String> INLINE_ROW_SOURCES =
      Set.of("VALUES", "SELECT", "WITH", "INFILE");

  private static final Set<String> WORDS_BEFORE_A_NAME = Set.of("INTO", "TABLE", "FUNCTION");

  static StatementText split(String queryParameter, byte[] body) {
    if (queryParameter != null && !queryParameter.isBlank()) {
      // The driver's RowBinary insert: the statement in the URL, only data in the body. Taking the
      // body as it is avoids copying up to the request limit twice.
      byte[] query = queryParameter.strip().getBytes(StandardCharsets.UTF_8);
      if (insertFormatEnd(query) == query.length) {
        return new StatementText(queryParameter.strip(), body);
      }
    }
    byte[] text = join(queryParameter, body);
    int sqlEnd = insertFormatEnd(text);
    if (sqlEnd < 0) {
      return new StatementText(new String(text, StandardCharsets.UTF_8).strip(), null);
    }
    SqlScanner rest = new SqlScanner(text, sqlEnd, text.length);
    int dataStart = rest.skipToDataStart();
    return new StatementText(
        new String(text, 0, sqlEnd, StandardCharsets.UTF_8).strip(),
        Arrays.copyOfRange(text, dataStart, text.length));
  }

  /** For {@code INSERT ... FORMAT name}, the position just after the format name; otherwise -1. */
  private static int insertFormatEnd(byte[] text) {
    SqlScanner scanner = new SqlScanner(text, 0, text.length);
    if (!"INSERT".equals(scanner.nextTopLevelWord())) {
      return -1;
    }
    String previous = "INSERT";
    for (String word = scanner.nextTopLevelWord();
        word != null;
        word = scanner.nextTopLevelWord()) {
      if (INLINE_ROW_SOURCES.contains(word)) {
        return -1;
      }
      if (word.equals("FORMAT") && !WORDS_BEFORE_A_NAME.contains(previous)) {
        return scanner.nextTopLevelWord() == null ? -1 : scanner.position();
      }
      previous = word;
    }
    return -1;
  }

  /** Whether ClickHouse would run this over GET, where the HTTP method implies read-only. */
  boolean isReadOnly() {
    byte[] text = sql.getBytes(StandardCharsets.UTF_8);
    String first = new SqlScanner(text, 0, text.length).nextTopLevelWord();
    // A statement in parentheses, e.g. "(SELECT 1) UNION ALL ...", starts with no top-level word.
    return first == null || READ_ONLY_STARTS.contains(first) || sql.startsWith("(");
  }

  private static byte[] join(String queryParameter, byte[] body) {
    if (queryParameter == null || queryParameter.isEmpty()) {
      return body;
    }
    byte[] query = queryParameter.getBytes(StandardCharsets.UTF_8);
    if (body.length == 0) {
      return query;
    }
    byte[] joined = new byte[query.length + 1 + body.length];
    System.arraycopy(query, 0, joined, 0, query.length);
    joined[query.length] = '\n';
    System.arraycopy(body, 0, joined, query.length + 1, body.length);
    return joined;
  }
}
