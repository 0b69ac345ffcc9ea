package io.tokenmeter.schema.compat;

import java.util.Objects;

/**
 * One reason the current schemas may not be released: an incompatible change or a removed record.
 *
 * @param recordName full name of the top-level record that is affected
 * @param fieldPath dotted path of the affected field from that record (e.g. {@code
 *     usage.cache_read_tokens}), or empty when the problem is not about one field
 * @param message the whole explanation, naming record, field, version and a fix
 */
public record SchemaViolation(String recordName, String fieldPath, String message) {

  public SchemaViolation {
    Objects.requireNonNull(recordName, "recordName");
    Objects.requireNonNull(fieldPath, "fieldPath");
    Objects.requireNonNull(message, "message");
  }
}
