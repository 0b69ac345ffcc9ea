package io.tokenmeter.devregistry;

import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * A schema known under a global id: its canonical text and references, and the parsed Avro form.
 * The Avro form is built on first use, so a registry restarting from a long journal pays for
 * parsing only the schemas it actually compatibility-checks (that keeps start-up fast).
 */
final class RegisteredSchema {
  private final int id;
  private final SchemaKey key;
  private final Supplier<Schema> parse;
  private Schema avro;

  RegisteredSchema(int id, SchemaKey key, Supplier<Schema> parse) {
    this.id = id;
    this.key = key;
    this.parse = parse;
  }

  int id() {
    return id;
  }

  SchemaKey key() {
    return key;
  }

  String canonical() {
    return key.canonical();
  }

  List<SchemaReference> references() {
    return key.references();
  }

  synchronized Schema avro() {
    if (avro == null) {
      avro = parse.get();
    }
    return avro;
  }
}
