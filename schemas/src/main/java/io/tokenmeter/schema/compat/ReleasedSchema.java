package io.tokenmeter.schema.compat;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One released (frozen) version of a named schema.
 *
 * @param fullName the record's full name, e.g. {@code io.tokenmeter.schema.v1.UsageEvent}
 * @param version the release number, 1 for the first release
 * @param schema the self-contained schema as released
 */
public record ReleasedSchema(String fullName, int version, Schema schema) {

  public ReleasedSchema {
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(schema, "schema");
    if (version < 1) {
      throw new IllegalArgumentException(
          "released version of " + fullName + " is " + version + ": versions start at v1");
    }
  }

  /** The version as written in file names and messages, e.g. {@code v1}. */
  public String label() {
    return "v" + version;
  }
}
