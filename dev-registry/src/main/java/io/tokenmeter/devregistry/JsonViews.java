package io.tokenmeter.devregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders registry objects in Confluent's JSON shapes and reads request bodies. Field names and
 * their asymmetries (e.g. {@code compatibilityLevel} on reads, {@code compatibility} on writes)
 * follow the Confluent API that every client is written against.
 */
final class JsonViews {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonViews() {}

  /** {"subject","version","id","schemaType","schema"[,"references"]}. */
  static ObjectNode version(StoredVersion stored) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("subject", stored.version().subject());
    node.put("version", stored.version().version());
    node.put("id", stored.schema().id());
    return withSchema(node, stored.schema());
  }

  /** {"schemaType","schema"[,"references"]}, the body of GET /schemas/ids/{id}. */
  static ObjectNode schema(RegisteredSchema schema) {
    return withSchema(MAPPER.createObjectNode(), schema);
  }

  private static ObjectNode withSchema(ObjectNode node, RegisteredSchema schema) {
    node.put("schemaType", SchemaRequest.AVRO);
    node.put("schema", schema.canonical());
    if (!schema.references().isEmpty()) {
      ArrayNode refs = node.putArray("references");
      for (SchemaReference r : schema.references()) {
        refs.addObject()
            .put("name", r.name())
            .put("subject", r.subject())
            .put("version", r.version());
      }
    }
    return node;
  }

  static ObjectNode subjectVersion(SubjectVersion version) {
    return MAPPER
        .createObjectNode()
        .put("subject", version.subject())
        .put("version", version.version());
  }

  /** Reads a register/lookup/compatibility body; unknown fields are ignored, as Confluent does. */
  static SchemaRequest schemaRequest(JsonNode body) {
    if (!body.isObject()) {
      throw Errors.invalidSchema("the request body must be a JSON object with a 'schema' field");
    }
    JsonNode schema = body.path("schema");
    if (!schema.isTextual()) {
      throw Errors.invalidSchema("'schema' must be the schema text as a JSON string");
    }
    JsonNode type = body.path("schemaType");
    String schemaType = type.isMissingNode() || type.isNull() ? SchemaRequest.AVRO : type.asText();
    return new SchemaRequest(
        schema.textValue(),
        schemaType,
        references(body.path("references")),
        optionalInt(body, "id"),
        optionalInt(body, "version"));
  }

  private static List<SchemaReference> references(JsonNode array) {
    List<SchemaReference> references = new ArrayList<>();
    for (JsonNode r : array) {
      if (!r.path("name").isTextual()
          || !r.path("subject").isTextual()
          || !r.path("version").isInt()) {
        throw Errors.invalidSchema(
            "each reference needs a string 'name' and 'subject' and an int 'version'");
      }
      references.add(
          new SchemaReference(
              r.get("name").textValue(),
              r.get("subject").textValue(),
              r.get("version").intValue()));
    }
    return references;
  }

  private static Integer optionalInt(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt()) {
      throw Errors.invalidSchema("'" + field + "' must be an int");
    }
    return value.intValue();
  }
}
