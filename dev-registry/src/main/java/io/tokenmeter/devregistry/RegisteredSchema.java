package io.tokenmeter.devregistry;

import java.util.List;
import org.apache.avro.Schema;

/** A schema known under a global id: its canonical text, references and the parsed Avro form. */
record RegisteredSchema(int id, SchemaKey key, Schema avro) {
  String canonical() {
    return key.canonical();
  }

  List<SchemaReference> references() {
    return key.references();
  }
}
