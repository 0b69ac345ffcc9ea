package io.tokenmeter.sink.schema;

import java.util.List;

/**
 * One versioned migration, placeholders already substituted.
 *
 * @param version the number after {@code V} in the file name
 * @param description the rest of the file name, for people
 * @param checksum SHA-256 of the file as shipped (before substitution), to notice an edited file
 * @param statements the SQL statements, in order
 */
public record Migration(int version, String description, String checksum, List<String> statements) {
  public Migration {
    statements = List.copyOf(statements);
  }
}
