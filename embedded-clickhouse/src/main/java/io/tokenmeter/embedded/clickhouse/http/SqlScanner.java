package io.tokenmeter.embedded.clickhouse.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal lexer over SQL bytes: just enough to find keywords outside string literals, quoted
 * identifiers, comments and parentheses. Works on bytes because the text may be followed by binary
 * INSERT data that is not valid UTF-8; every keyword it looks for is ASCII.
 */
final class SqlScanner {

  private final byte[] text;
  private final int end;
  private int position;

  SqlScanner(byte[] text, int start, int end) {
    this.text = text;
    this.position = start;
    this.end = end;
  }

  /** The position just after the last token returned. */
  int position() {
    return position;
  }

  /**
   * The next top-level word (upper-cased), skipping literals, comments and anything in parentheses;
   * {@code null} at the end of the text.
   */
  String nextTopLevelWord() {
    int depth = 0;
    while (position < end) {
      int c = text[position] & 0xff;
      if (isWordStart(c)) {
        int start = position;
        while (position < end && isWordPart(text[position] & 0xff)) {
          position++;
        }
        if (depth == 0) {
          return new String(text, start, position - start, StandardCharsets.US_ASCII)
              .toUpperCase(Locale.ROOT);
        }
      } else if (c == '(') {
        depth++;
        position++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        position++;
      } else if (c == '\'' || c == '"' || c == '`') {
        skipQuoted(c);
      } else if (c == '-' && peek(1) == '-') {
        skipLineComment();
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else {
        position++;
      }
    }
    return null;
  }

  /**
   * Skips spaces and tabs, then at most one line break; the inline data of an INSERT starts there.
   */
  int skipToDataStart() {
    while (position < end && (text[position] == ' ' || text[position] == '\t')) {
      position++;
    }
    if (position < end && text[position] == '\r' && peek(1) == '\n') {
      position += 2;
    } else if (position < end && text[position] == '\n') {
      position++;
    }
    return position;
  }

  private int peek(int ahead) {
    return position + ahead < end ? text[position + ahead] & 0xff : -1;
  }

  private void skipQuoted(int quote) {
    position++;
    while (position < end) {
      int c = text[position] & 0xff;
      if (c == '\\') {
        position += 2;
      } else if (c == quote) {
        position++;
        if (position < end && (text[position] & 0xff) == quote) {
          position++; // doubled quote inside the literal
        } else {
          return;
        }
      } else {
        position++;
      }
    }
  }

  private void skipLineComment() {
    while (position < end && text[position] != '\n') {
      position++;
    }
  }

  private void skipBlockComment() {
    position += 2;
    while (position < end && !(text[position] == '*' && peek(1) == '/')) {
      position++;
    }
    position = Math.min(end, position + 2);
  }

  private static boolean isWordStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
  }

  private static boolean isWordPart(int c) {
    return isWordStart(c) || c == '.';
  }
}
