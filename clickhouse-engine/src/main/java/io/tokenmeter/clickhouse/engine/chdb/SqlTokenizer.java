package io.tokenmeter.clickhouse.engine.chdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into the few token kinds needed to find clauses (FORMAT, SETTINGS, the leading
 * keyword) without being fooled by string literals, quoted identifiers or comments. Not a parser:
 * ClickHouse parses the statement; this only has to agree with it about where literals end.
 */
final class SqlTokenizer {

  /** What a token is. */
  enum Kind {
    WORD,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    SYMBOL
  }

  /**
   * One token.
   *
   * @param text the token's text; for quoted identifiers, without the quotes
   * @param start offset of its first character in the statement
   * @param depth how many parentheses enclose it
   */
  record Token(Kind kind, String text, int start, int depth) {

    boolean isKeyword(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
      return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }
  }

  private SqlTokenizer() {}

  static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = endOfLine(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = endOfQuoted(sql, i, c);
        Kind kind = c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
        tokens.add(new Token(kind, sql.substring(i + 1, Math.max(i + 1, end - 1)), i, depth));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < n && isWordPart(sql.charAt(end))) {
          end++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, depth));
        i = end;
      } else if (Character.isDigit(c)) {
        int end = i + 1;
        while (end < n && (isWordPart(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i, depth));
        i = end;
      } else {
        if (c == ')') {
          depth = Math.max(0, depth - 1);
        }
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, depth));
        if (c == '(') {
          depth++;
        }
        i++;
      }
    }
    return tokens;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static int endOfLine(String sql, int from) {
    int newline = sql.indexOf('\n', from);
    return newline < 0 ? sql.length() : newline + 1;
  }

  /** Offset just past the closing quote; ClickHouse allows both {@code \'} and {@code ''}. */
  private static int endOfQuoted(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }
}
