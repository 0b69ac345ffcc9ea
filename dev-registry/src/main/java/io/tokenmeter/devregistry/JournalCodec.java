package io.tokenmeter.devregistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmeter.devregistry.RegistryEvent.ConfigDeleted;
import io.tokenmeter.devregistry.RegistryEvent.ConfigSet;
import io.tokenmeter.devregistry.RegistryEvent.SchemaRegistered;
import io.tokenmeter.devregistry.RegistryEvent.VersionHardDeleted;
import io.tokenmeter.devregistry.RegistryEvent.VersionSoftDeleted;
import java.util.ArrayList;
import java.util.List;

/** Turns {@link RegistryEvent}s into single JSON lines and back (the journal's file format). */
final class JournalCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalCodec() {}

  static String encode(RegistryEvent event) {
    ObjectNode node = MAPPER.createObjectNode();
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
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode journal event " + event, e);
    }
  }

  /** Decodes one line; throws {@link IllegalArgumentException} when it is not a valid event. */
  static RegistryEvent decode(String line) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String subject = node.path("subject").isNull() ? null : node.path("subject").asText(null);
    return switch (node.path("op").asText("")) {
      case "register" ->
          new SchemaRegistered(
              required(subject),
              intField(node, "version"),
              intField(node, "id"),
              node.path("schema").asText(),
              references(node.path("references")));
      case "softDelete" -> new VersionSoftDeleted(required(subject), intField(node, "version"));
      case "hardDelete" -> new VersionHardDeleted(required(subject), intField(node, "version"));
      case "setConfig" ->
          new ConfigSet(subject, CompatibilityLevel.valueOf(node.path("level").asText()));
      case "deleteConfig" -> new ConfigDeleted(subject);
      default -> throw new IllegalArgumentException("unknown op " + node.path("op"));
    };
  }

  private static List<SchemaReference> references(JsonNode array) {
    List<SchemaReference> references = new ArrayList<>();
    for (JsonNode r : array) {
      references.add(
          new SchemaReference(
              r.path("name").asText(), r.path("subject").asText(), intField(r, "version")));
    }
    return references;
  }

  private static int intField(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.canConvertToInt()) {
      throw new IllegalArgumentException("field '" + field + "' is not an int");
    }
    return value.intValue();
  }

  private static String required(String subject) {
    if (subject == null) {
      throw new IllegalArgumentException("field 'subject' is missing");
    }
    return subject;
  }
}
