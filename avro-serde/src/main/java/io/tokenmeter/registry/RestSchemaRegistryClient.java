package io.tokenmeter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistryClient} over the Confluent REST API (v1), for Confluent Schema Registry,
 * Karapace, Apicurio's {@code /apis/ccompat/v7} and the dev registry.
 *
 * <p>Caches schemas by id and ids by (subject, schema). Cache keys use the locally parsed schema's
 * canonical text, never a string a registry returned: registries re-serialize schemas differently.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  private final RegistryHttp http;
  private final SchemaTextParser parser;
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();

  /** Cache key; the canonical text keeps docs and defaults, so a doc change is a new schema. */
  private record SubjectSchema(String subject, String canonical) {}

  public RestSchemaRegistryClient(RegistryClientConfig config) {
    if (config.mockScope().isPresent()) {
      throw new IllegalArgumentException(
          "mock:// URLs need MockSchemaRegistry; use SchemaRegistryClients.create(...)");
    }
    this.http = new RegistryHttp(config);
    this.parser = new SchemaTextParser(this::fetchVersion);
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema.toString());
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    String operation =
        "register schema " + schema.getFullName() + " under subject '" + subject + "'";
    JsonNode json =
        postSchema("/subjects/" + encode(subject) + "/versions", key.canonical(), operation);
    // Only `id` is common to every registry's register response.
    int id = RegistryJson.requiredInt(json, "id", operation);
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public RegisteredSchema lookUp(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema.toString());
    RegisteredSchema cached = lookups.get(key);
    if (cached != null) {
      return cached;
    }
    String operation =
        "look up schema " + schema.getFullName() + " under subject '" + subject + "'";
    JsonNode json =
        call(
            "POST",
            "/subjects/" + encode(subject) + "?deleted=false",
            RegistryJson.schemaRequest(key.canonical()),
            operation,
            false);
    RegisteredSchema found = toRegistered(json, subject, operation);
    lookups.put(key, found);
    schemasById.putIfAbsent(found.id(), found.schema());
    return found;
  }

  @Override
  public Schema getSchemaById(int id, String subjectHint) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    String operation = "get schema id " + id;
    String query = subjectHint == null ? "" : "?subject=" + encode(subjectHint);
    JsonNode json;
    try {
      json = get("/schemas/ids/" + id + query, operation);
    } catch (RegistryNotFoundException e) {
      // Apicurio answers 40401 for an unknown id; every "not found" means the same here.
      throw new SchemaNotFoundException(e.getMessage(), e.errorCode());
    }
    Schema schema = parser.parse(json, operation);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous == null ? schema : previous;
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    String operation = "get version " + checkVersion(version) + " of subject '" + subject + "'";
    return toRegistered(fetchVersion(subject, version), subject, operation);
  }

  @Override
  public RegisteredSchema getLatestVersion(String subject) {
    String operation = "get latest version of subject '" + subject + "'";
    JsonNode json = get("/subjects/" + encode(subject) + "/versions/latest", operation);
    return toRegistered(json, subject, operation);
  }

  @Override
  public CompatibilityResult testCompatibility(String subject, Schema schema, int version) {
    return compatibility(subject, schema, String.valueOf(checkVersion(version)));
  }

  @Override
  public CompatibilityResult testCompatibilityWithLatest(String subject, Schema schema) {
    return compatibility(subject, schema, "latest");
  }

  private CompatibilityResult compatibility(String subject, Schema schema, String version) {
    String operation =
        "test compatibility with version " + version + " of subject '" + subject + "'";
    JsonNode json =
        postSchema(
            "/compatibility/subjects/" + encode(subject) + "/versions/" + version + "?verbose=true",
            schema.toString(),
            operation);
    boolean compatible = RegistryJson.requiredBoolean(json, "is_compatible", operation);
    return new CompatibilityResult(compatible, RegistryJson.textList(json.get("messages")));
  }

  @Override
  public CompatibilityLevel getCompatibility() {
    return readLevel("/config", "get global compatibility level");
  }

  @Override
  public CompatibilityLevel getCompatibility(String subject) {
    return readLevel(
        "/config/" + encode(subject) + "?defaultToGlobal=true",
        "get compatibility level of subject '" + subject + "'");
  }

  private CompatibilityLevel readLevel(String path, String operation) {
    JsonNode json = get(path, operation);
    // Reads answer `compatibilityLevel`; fall back to the write-side name some servers echo.
    String field = json.has("compatibilityLevel") ? "compatibilityLevel" : "compatibility";
    return CompatibilityLevel.parse(RegistryJson.requiredText(json, field, operation));
  }

  @Override
  public void setCompatibility(CompatibilityLevel level) {
    http.send(
        "PUT", "/config", RegistryJson.compatibilityRequest(level), "set global level", false);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    String operation = "set compatibility level of subject '" + subject + "'";
    http.send(
        "PUT",
        "/config/" + encode(subject),
        RegistryJson.compatibilityRequest(level),
        operation,
        false);
  }

  @Override
  public List<String> getAllSubjects() {
    String operation = "list subjects";
    return RegistryJson.textList(get("/subjects", operation));
  }

  @Override
  public List<Integer> getAllVersions(String subject) {
    String operation = "list versions of subject '" + subject + "'";
    return RegistryJson.intList(
        get("/subjects/" + encode(subject) + "/versions", operation), operation);
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    String operation = (permanent ? "permanently " : "") + "delete subject '" + subject + "'";
    String path = "/subjects/" + encode(subject) + (permanent ? "?permanent=true" : "");
    List<Integer> deleted =
        RegistryJson.intList(call("DELETE", path, null, operation, false), operation);
    // Ids stay resolvable after a delete, so only the per-subject caches are dropped.
    idsBySubjectSchema.keySet().removeIf(key -> key.subject().equals(subject));
    lookups.keySet().removeIf(key -> key.subject().equals(subject));
    return deleted;
  }

  private JsonNode fetchVersion(String subject, int version) {
    String operation = "get version " + checkVersion(version) + " of subject '" + subject + "'";
    String path = "/subjects/" + encode(subject) + "/versions/" + version;
    return get(path, operation);
  }

  private JsonNode get(String path, String operation) {
    return call("GET", path, null, operation, false);
  }

  /** POSTs a schema where a 409 answer means "incompatible" (register, compatibility test). */
  private JsonNode postSchema(String path, String schemaText, String operation) {
    return call("POST", path, RegistryJson.schemaRequest(schemaText), operation, true);
  }

  private JsonNode call(
      String method, String path, String body, String operation, boolean conflictIsIncompatible) {
    return RegistryJson.parse(
        http.send(method, path, body, operation, conflictIsIncompatible), operation);
  }

  private RegisteredSchema toRegistered(JsonNode json, String subject, String operation) {
    int id = RegistryJson.requiredInt(json, "id", operation);
    int version = RegistryJson.requiredInt(json, "version", operation);
    Schema schema = schemasById.get(id);
    if (schema == null) {
      schema = parser.parse(json, operation);
      schemasById.putIfAbsent(id, schema);
    }
    return new RegisteredSchema(subject, version, id, schema);
  }

  /** Versions are checked here because registries disagree on the error for a bad one. */
  private static int checkVersion(int version) {
    if (version < 1) {
      throw new IllegalArgumentException(
          "Version "
              + version
              + " is invalid: versions start at 1 (use getLatestVersion for latest)");
    }
    return version;
  }

  /** One path segment: '/' must become %2F and spaces %20 (URLEncoder would give '+'). */
  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
