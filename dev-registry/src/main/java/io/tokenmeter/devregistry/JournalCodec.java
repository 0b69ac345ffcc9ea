package io.tokenmeter.devregistry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmeter.devregistry.RegistryEvent.ConfigDeleted;
import io.tokenmeter.devregistry.RegistryEvent.ConfigSet;
import io.tokenmeter.devregistry.RegistryEvent.SchemaRegistered;
import io.tokenmeter.devregistry.RegistryEvent.VersionHardDeleted;
import io.tokenmeter.devregistry.RegistryEvent.VersionSoftDeleted;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns {@link RegistryEvent}s into single JSON lines and back (the journal's file format). */
final class JournalCodec {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JournalCodec() {}

  static String encode(RegistryEvent event) {
    ObjectNode node = JsonViews.MAPPER.createObjectNode();
    switch (event) {
      case SchemaRegistered e -> {
        node.put("op", "register").put("subject", e.subject()).put("version", e.version());
        node.put("id", e.id()).put("schema", e.schema());
        ArrayNode refs = node.putArray("references");
        for (SchemaReference r : e.references()) {
          refs.addObject()
              .put("name", r.name())
              .put("subject", r.subject())
              .put("version", r.version());
        }
      }
      case VersionSoftDeleted e ->
          node.put("op", "softDelete").put("subject", e.subject()).put("version", e.version());
      case VersionHardDeleted e ->
          node.put("op", "hardDelete").put("subject", e.subject()).put("version", e.version());
      case ConfigSet e ->
          node.put("op", "setConfig").put("subject", e.subject()).put("level", e.level().name());
      case ConfigDeleted e -> node.put("op", "deleteConfig").put("subject", e.subject());
    }
    try {
      return JsonViews.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode journal event " + event, e);
    }
  }

  /**
   * Decodes one line; throws {@link IllegalArgumentException} when it is not a valid event. Uses
   * Jackson's streaming parser rather than an ObjectMapper because replay runs at start-up, where
   * databind's initialisation would cost several hundred milliseconds.
   */
  static RegistryEvent decode(String line) {
    Map<String, Object> fields;
    try (JsonParser parser = FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      fields = readObject(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("content after the JSON object");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    String subject = (String) fields.get("subject");
    return switch (String.valueOf(fields.get("op"))) {
      case "register" ->
          new SchemaRegistered(
              required(subject),
              intField(fields, "version"),
              intField(fields, "id"),
              stringField(fields, "schema"),
              references(fields.get("references")));
      case "softDelete" -> new VersionSoftDeleted(required(subject), intField(fields, "version"));
      case "hardDelete" -> new VersionHardDeleted(required(subject), intField(fields, "version"));
      case "setConfig" ->
          new ConfigSet(subject, CompatibilityLevel.valueOf(stringField(fields, "level")));
      case "deleteConfig" -> new ConfigDeleted(subject);
      default -> throw new IllegalArgumentException("unknown op " + fields.get("op"));
    };
  }

  /**
   * Reads the fields of an object whose START_OBJECT was just read: strings, ints, nulls, lists.
   */
  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> fields = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      fields.put(
          name,
          switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getIntValue();
            case VALUE_NULL -> null;
            case START_ARRAY -> readObjects(parser);
            default ->
                throw new IllegalArgumentException("unexpected " + token + " in '" + name + "'");
          });
    }
    return fields;
  }

  private static List<Map<String, Object>> readObjects(JsonParser parser) throws IOException {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected an object in a list, got " + token);
      }
      objects.add(readObject(parser));
    }
    return objects;
  }

  @SuppressWarnings("unchecked")
  private static List<SchemaReference> references(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("field 'references' is not a list");
    }
    List<SchemaReference> references = new ArrayList<>();
    for (Object item : list) {
      Map<String, Object> r = (Map<String, Object>) item;
      references.add(
          new SchemaReference(
              stringField(r, "name"), stringField(r, "subject"), intField(r, "version")));
    }
    return references;
  }

  private static int intField(Map<String, Object> fields, String field) {
    if (!(fields.get(field) instanceof Integer value)) {
      throw new IllegalArgumentException("field '" + field + "' is not an int");
    }
    return value;
  }

  private static String stringField(Map<String, Object> fields, String field) {
    if (!(fields.get(field) instanceof String value)) {
      throw new IllegalArgumentException("field '" + field + "' is not a string");
    }
    return value;
  }

  private static String required(String subject) {
    if (subject == null) {
      throw new IllegalArgumentException("field 'subject' is missing");
    }
    return subject;
  }
}
