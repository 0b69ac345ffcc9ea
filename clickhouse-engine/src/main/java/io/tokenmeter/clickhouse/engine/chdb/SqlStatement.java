package io.tokenmeter.clickhouse.engine.chdb;

import io.tokenmeter.clickhouse.engine.chdb.SqlTokenizer.Kind;
import io.tokenmeter.clickhouse.engine.chdb.SqlTokenizer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the engine needs to know about one statement's text: its leading keyword and its own
 * trailing {@code FORMAT name} clause, if any.
 */
final class SqlStatement {

  /**
   * A {@code FORMAT name} clause at the end of a statement.
   *
   * @param name the format name as written
   * @param start offset of the {@code FORMAT} keyword
   * @param settingsStart offset of a top-level {@code SETTINGS} keyword that precedes it, or -1
   */
  record FormatClause(String name, int start, int settingsStart) {

    /** Where a clause that must come before SETTINGS and FORMAT (e.g. FROM INFILE) goes. */
    int clauseInsertionPoint() {
      return settingsStart >= 0 ? settingsStart : start;
    }
  }

  private final String sql;
  private final List<Token> tokens;

  SqlStatement(String sql) {
    this.sql = sql;
    this.tokens = SqlTokenizer.tokenize(sql);
  }

  String sql() {
    return sql;
  }

  /** The first keyword in upper case ({@code SELECT}, {@code INSERT}, ...), or empty. */
  String leadingKeyword() {
    for (Token token : tokens) {
      if (token.kind() == Kind.WORD) {
        return token.text().toUpperCase(Locale.ROOT);
      }
      if (!token.isSymbol('(')) {
        return "";
      }
    }
    return "";
  }

  boolean isInsert() {
    return leadingKeyword().equals("INSERT");
  }

  /**
   * The statement's own trailing {@code FORMAT name}, optionally followed by a SETTINGS clause or a
   * semicolon. {@code SELECT format FROM t} or {@code format(...)} do not count.
   */
  Optional<FormatClause> trailingFormat() {
    int end = tokens.size();
    if (end > 0 && tokens.get(end - 1).isSymbol(';')) {
      end--;
    }
    for (int i = end - 2; i >= 0; i--) {
      Token token = tokens.get(i);
      if (token.depth() == 0 && token.isKeyword("FORMAT") && isFormatTail(i + 1, end)) {
        Token name = tokens.get(i + 1);
        return Optional.of(new FormatClause(name.text(), token.start(), settingsBefore(i)));
      }
    }
    return Optional.empty();
  }

  private boolean isFormatTail(int nameIndex, int end) {
    Token name = tokens.get(nameIndex);
    if (name.kind() != Kind.WORD && name.kind() != Kind.QUOTED_IDENTIFIER) {
      return false;
    }
    if (nameIndex + 1 == end) {
      return true;
    }
    Token next = tokens.get(nameIndex + 1);
    return next.depth() == 0 && next.isKeyword("SETTINGS");
  }

  private int settingsBefore(int formatIndex) {
    for (int i = formatIndex - 1; i >= 0; i--) {
      Token token = tokens.get(i);
      if (token.depth() == 0 && token.isKeyword("SETTINGS")) {
        return token.start();
      }
    }
    return -1;
  }
}
