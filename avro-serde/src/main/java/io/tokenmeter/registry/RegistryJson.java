package io.tokenmeter.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** JSON bodies of the registry API, read leniently: unknown fields are ignored. */
final class RegistryJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RegistryJson() {}

  /** Parses a body, or returns null when it is not JSON. */
  static JsonNode tryParse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static JsonNode parse(String body, String operation) {
    JsonNode node = tryParse(body);
    if (node == null) {
      throw new SchemaRegistryException(
          operation + ": the registry answered with a body that is not JSON: " + abbreviate(body),
          SchemaRegistryException.NO_STATUS,
          SchemaRegistryException.NO_STATUS);
    }
    return node;
  }

  /** A register/lookup/compatibility request body; {@code schemaType} left out, meaning AVRO. */
  static String schemaRequest(String schemaText) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("schema", schemaText);
    return body.toString();
  }

  static String compatibilityRequest(CompatibilityLevel level) {
    return MAPPER.createObjectNode().put("compatibility", level.name()).toString();
  }

  static int requiredInt(JsonNode node, String field, String operation) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw missing(field, node, operation);
    }
    return value.asInt();
  }

  static String requiredText(JsonNode node, String field, String operation) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw missing(field, node, operation);
    }
    return value.asText();
  }

  static boolean requiredBoolean(JsonNode node, String field, String operation) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw missing(field, node, operation);
    }
    return value.asBoolean();
  }

  static List<Integer> intList(JsonNode node, String operation) {
    List<Integer> result = new ArrayList<>();
    if (!node.isArray()) {
      throw missing("[array of ints]", node, operation);
    }
    node.forEach(element -> result.add(element.asInt()));
    return List.copyOf(result);
  }

  static List<String> textList(JsonNode node) {
    List<String> result = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(
          element -> result.add(element.isTextual() ? element.asText() : element.toString()));
    }
    return List.copyOf(result);
  }

  private static SchemaRegistryException missing(String field, JsonNode node, String operation) {
    return new SchemaRegistryException(
        operation
            + ": the registry response has no usable '"
            + field
            + "': "
            + abbreviate(node.toString()),
        SchemaRegistryException.NO_STATUS,
        SchemaRegistryException.NO_STATUS);
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "<empty>";
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
