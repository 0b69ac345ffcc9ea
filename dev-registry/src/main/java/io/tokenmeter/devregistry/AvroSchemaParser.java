package io.tokenmeter.devregistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Parses submitted Avro text into its canonical form. Referenced schemas are parsed first into the
 * same parser so that their named types resolve, and are left out of the canonical text (Confluent
 * renders with the referenced types as "known", so they appear by name only).
 */
final class AvroSchemaParser {
  /** Guards against reference cycles, which Confluent also rejects. */
  private static final int MAX_REFERENCE_DEPTH = 32;

  /** Finds the schema a reference points at, or throws a {@link RegistryException}. */
  @FunctionalInterface
  interface ReferenceResolver {
    RegisteredSchema resolve(SchemaReference reference);
  }

  private final ReferenceResolver resolver;

  AvroSchemaParser(ReferenceResolver resolver) {
    this.resolver = resolver;
  }

  /** Returns the parsed schema and its identity key; invalid text is a 422/42201. */
  ParsedSchema parse(String text, List<SchemaReference> references) {
    if (text == null || text.isBlank()) {
      throw Errors.invalidSchema("the schema text is empty");
    }
    Schema.Parser parser = new Schema.Parser();
    List<Schema> referenced = new ArrayList<>();
    Set<SchemaReference> seen = new HashSet<>();
    try {
      for (SchemaReference reference : references) {
        parseReference(parser, reference, referenced, seen, 1);
      }
      Schema schema = parser.parse(text);
      String canonical = referenced.isEmpty() ? schema.toString() : render(schema, referenced);
      return new ParsedSchema(schema, new SchemaKey(canonical, references));
    } catch (AvroRuntimeException | IllegalArgumentException e) {
      // Avro signals bad input through several unchecked types; all of them mean "invalid schema".
      throw Errors.invalidSchema(String.valueOf(e.getMessage()));
    }
  }

  /**
   * Renders with the referenced types as known names, exactly as Confluent's canonical string does.
   * Avro 1.12 deprecates this overload but offers no replacement that takes known types.
   */
  @SuppressWarnings("deprecation")
  private static String render(Schema schema, List<Schema> referenced) {
    return schema.toString(referenced, false);
  }

  private void parseReference(
      Schema.Parser parser,
      SchemaReference reference,
      List<Schema> referenced,
      Set<SchemaReference> seen,
      int depth) {
    if (depth > MAX_REFERENCE_DEPTH) {
      throw Errors.invalidSchema("references nested deeper than " + MAX_REFERENCE_DEPTH);
    }
    if (!seen.add(reference)) {
      return;
    }
    RegisteredSchema target = resolver.resolve(reference);
    for (SchemaReference nested : target.references()) {
      parseReference(parser, nested, referenced, seen, depth + 1);
    }
    referenced.add(parser.parse(target.canonical()));
  }

  /** The outcome of parsing: the Avro schema and the key that identifies it. */
  record ParsedSchema(Schema avro, SchemaKey key) {}
}
