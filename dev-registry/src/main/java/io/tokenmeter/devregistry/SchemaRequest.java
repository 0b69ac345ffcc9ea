package io.tokenmeter.devregistry;

import java.util.List;

/**
 * The body of register, lookup and compatibility requests. {@code id} and {@code version} are only
 * present when a client sends them (IMPORT-style requests), which the dev registry refuses or
 * checks.
 */
record SchemaRequest(
    String schema,
    String schemaType,
    List<SchemaReference> references,
    Integer id,
    Integer version) {
  static final String AVRO = "AVRO";

  SchemaRequest {
    references = List.copyOf(references);
  }
}
