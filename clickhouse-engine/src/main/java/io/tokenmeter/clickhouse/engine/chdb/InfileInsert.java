package io.tokenmeter.clickhouse.engine.chdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code INSERT ... FORMAT X} whose data goes through a temporary file and {@code FROM INFILE}.
 * Data inlined after the statement text is misread by chdb 26.5 when it is binary (a 0x0A inside a
 * UInt64 broke a RowBinary row), while {@code FROM INFILE} reads the file byte for byte. The file
 * is readable by its owner only and deleted on {@link #close()}.
 */
final class InfileInsert implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(InfileInsert.class);

  private final Path file;
  private final String sql;

  private InfileInsert(Path file, String sql) {
    this.file = file;
    this.sql = sql;
  }

  /**
   * Writes {@code data} to a new file in {@code directory} and rewrites {@code insert} to read it.
   *
   * @param format the insert's own trailing FORMAT clause
   */
  static InfileInsert create(
      Path directory, SqlStatement insert, SqlStatement.FormatClause format, byte[] data) {
    Path file;
    try {
      file =
          Files.createTempFile(
              directory,
              "tokenmeter-insert-",
              ".bin",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stage insert data in " + directory, e);
    }
    String text = insert.sql();
    int at = format.clauseInsertionPoint();
    // COMPRESSION 'none': without it ClickHouse guesses compression from the file name.
    String rewritten =
        text.substring(0, at)
            + "FROM INFILE "
            + SessionSettings.quote(file.toAbsolutePath().toString())
            + " COMPRESSION 'none' "
            + text.substring(at);
    return new InfileInsert(file, rewritten);
  }

  /** The statement that reads the staged file. */
  String sql() {
    return sql;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOGGER.warn("Could not delete staged insert data {}", file, e);
    }
  }
}
