package io.tokenmeter.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * The form of a schema that is registered: the schema as its {@code .avsc} file says it, without
 * the properties Avro's Java code generator adds. Generated classes built with {@code
 * stringType=String} carry {@code "avro.java.string": "String"} on every string; registries compare
 * schema text, so registering that form next to a schema registered from the file (by the CLI, a
 * Python producer or a release script) would create a second version of an identical contract.
 */
final class PortableSchemas {
  /** Set by avro-maven-plugin's {@code stringType}; only changes how Java reads strings. */
  static final String JAVA_STRING_PROPERTY = "avro.java.string";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PortableSchemas() {}

  /** The schema without Java-only properties; the same instance when it has none. */
  static Schema portable(Schema schema) {
    String text = schema.toString();
    if (!text.contains(JAVA_STRING_PROPERTY)) {
      return schema;
    }
    try {
      JsonNode tree = JSON.readTree(text);
      removeJavaProperties(tree);
      return new Schema.Parser().parse(JSON.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new AvroSerdeException(
          SerdeFailure.UNSUPPORTED_TYPE,
          "schema " + schema.getFullName() + " printed by Avro is not valid JSON: " + e,
          e);
    }
  }

  private static void removeJavaProperties(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(JAVA_STRING_PROPERTY);
      // A field's default is data, not schema: a map default may use any key.
      object
          .properties()
          .forEach(
              entry -> {
                if (!entry.getKey().equals("default")) {
                  removeJavaProperties(entry.getValue());
                }
              });
    } else {
      node.forEach(PortableSchemas::removeJavaProperties);
    }
  }
}
