package io.tokenmeter.devregistry;

import java.util.List;

/**
 * What makes two registrations "the same schema": Avro's compact rendering of the parsed schema
 * plus its references. Whitespace and key order of the submitted text therefore do not matter, but
 * docs, defaults, aliases and properties do (as in Confluent's non-normalized mode).
 */
record SchemaKey(String canonical, List<SchemaReference> references) {
  SchemaKey {
    references = List.copyOf(references);
  }
}
