package io.tokenmeter.sink.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the {@code .sql} migrations from the classpath ({@value #DIRECTORY}), in the order of
 * {@value #INDEX}, and substitutes their placeholders: {@code ${ttl:<column>}} and {@code
 * ${dedup_window}}.
 */
public final class MigrationScripts {

  public static final String DIRECTORY = "db/migration/";
  public static final String INDEX = DIRECTORY + "migrations.list";
  public static final String MIGRATIONS_TABLE_SCRIPT = "db/schema_migrations_table.sql";

  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
  private static final Pattern TTL = Pattern.compile("\\$\\{ttl:([A-Za-z0-9_]+)}");
  private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(?:\\n|$)");

  private final int retentionDays;
  private final int dedupWindow;

  /**
   * @param retentionDays table TTL in days, 0 for none
   * @param dedupWindow value of {@code non_replicated_deduplication_window}
   */
  public MigrationScripts(int retentionDays, int dedupWindow) {
    this.retentionDays = retentionDays;
    this.dedupWindow = dedupWindow;
  }

  /** All migrations listed in the index, in order, ready to run. */
  public List<Migration> load() {
    List<Migration> migrations = new ArrayList<>();
    int previous = 0;
    for (String line : read(INDEX).split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      Matcher matcher = FILE_NAME.matcher(name);
      if (!matcher.matches()) {
        throw new IllegalStateException(
            INDEX + " lists '" + name + "': name migrations V<number>__<description>.sql");
      }
      int version = Integer.parseInt(matcher.group(1));
      if (version <= previous) {
        throw new IllegalStateException(
            INDEX
                + " lists version "
                + version
                + " after "
                + previous
                + ": keep versions ascending");
      }
      previous = version;
      String text = read(DIRECTORY + name);
      migrations.add(
          new Migration(version, matcher.group(2), sha256(text), statements(substitute(text))));
    }
    return migrations;
  }

  /** The statements that create the table recording applied migrations. */
  public List<String> migrationsTable() {
    return statements(read(MIGRATIONS_TABLE_SCRIPT));
  }

  /** Replaces the placeholders; visible for tests. */
  String substitute(String sql) {
    Matcher ttl = TTL.matcher(sql);
    String withTtl =
        ttl.replaceAll(
            match ->
                retentionDays == 0
                    ? ""
                    : Matcher.quoteReplacement(
                        "TTL toDateTime("
                            + match.group(1)
                            + ") + INTERVAL "
                            + retentionDays
                            + " DAY"));
    return withTtl.replace("${dedup_window}", Integer.toString(dedupWindow));
  }

  /** Splits a script at semicolons that end a line; drops comment-only pieces. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    for (String piece : STATEMENT_END.split(script)) {
      if (!withoutComments(piece).isBlank()) {
        statements.add(piece.strip());
      }
    }
    return statements;
  }

  private static String withoutComments(String piece) {
    StringBuilder code = new StringBuilder();
    for (String line : piece.split("\n")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    return code.toString();
  }

  private static String read(String resource) {
    try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Resource " + resource + " is missing from the sink jar: rebuild the sink module");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read resource " + resource, e);
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
