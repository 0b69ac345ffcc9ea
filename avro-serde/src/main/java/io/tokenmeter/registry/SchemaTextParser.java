package io.tokenmeter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Parses schema text from a registry response, resolving {@code references} first: for Avro the
 * referenced schemas' types must be known to the parser before the main schema is parsed.
 */
final class SchemaTextParser {
  private final BiFunction<String, Integer, JsonNode> versionFetcher;

  /**
   * @param versionFetcher returns the raw JSON of {@code GET /subjects/{s}/versions/{v}}
   */
  SchemaTextParser(BiFunction<String, Integer, JsonNode> versionFetcher) {
    this.versionFetcher = versionFetcher;
  }

  /** Parses a response object holding {@code schema}, {@code schemaType}, {@code references}. */
  Schema parse(JsonNode response, String operation) {
    JsonNode type = response.get("schemaType");
    // A missing schemaType means AVRO: registries before Confluent 8.0 leave it out for Avro.
    if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
      throw new SchemaRegistryException(
          operation + ": schema type " + type.asText() + " is not supported; only AVRO is",
          SchemaRegistryException.NO_STATUS,
          SchemaRegistryException.NO_STATUS);
    }
    Schema.Parser parser = new Schema.Parser();
    addReferences(parser, response.get("references"), new HashSet<>(), operation);
    String text = RegistryJson.requiredText(response, "schema", operation);
    try {
      return parser.parse(text);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          operation + ": the registry returned a schema Avro cannot parse: " + e.getMessage(),
          SchemaRegistryException.NO_STATUS,
          SchemaRegistryException.NO_STATUS,
          e);
    }
  }

  private void addReferences(
      Schema.Parser parser, JsonNode references, Set<String> seen, String operation) {
    if (references == null || !references.isArray()) {
      return;
    }
    for (JsonNode reference : references) {
      String subject = RegistryJson.requiredText(reference, "subject", operation);
      int version = RegistryJson.requiredInt(reference, "version", operation);
      if (!seen.add(subject + "\u0000" + version)) {
        continue;
      }
      JsonNode referenced = versionFetcher.apply(subject, version);
      // Depth first: a referenced schema's own references must be known before it is parsed.
      addReferences(parser, referenced.get("references"), seen, operation);
      parser.parse(RegistryJson.requiredText(referenced, "schema", operation));
    }
  }
}
