package io.tokenmeter.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * In-process registry for unit tests, reached with {@code schema.registry.url=mock://<scope>}. All
 * clients of one scope share one registry, so a serializer and a deserializer configured with the
 * same URL see the same ids. Ids are registry-wide and reused for the same schema across subjects;
 * registration checks compatibility (BACKWARD by default) and fails like a real registry, with the
 * same exception types and error codes.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {
  private static final ConcurrentMap<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  /** The default level of a fresh registry, as in Confluent. */
  public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<String, List<Version>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
  private int lastId;

  private record Version(int version, int id, boolean deleted) {}

  /** The registry of a scope, created on first use. */
  public static MockSchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, name -> new MockSchemaRegistry());
  }

  /** Forgets a scope, so the next {@link #forScope} starts empty. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    String canonical = schema.toString();
    List<Version> live = live(subject);
    for (Version version : live) {
      if (schemasById.get(version.id()).toString().equals(canonical)) {
        return version.id();
      }
    }
    List<Schema> previous = live.stream().map(version -> schemasById.get(version.id())).toList();
    List<String> problems = AvroCompatibility.problems(level(subject), schema, previous);
    if (!problems.isEmpty()) {
      throw new IncompatibleSchemaException(
          "Schema being registered is incompatible with an earlier schema for subject '"
              + subject
              + "': "
              + problems,
          IncompatibleSchemaException.ERROR_CODE);
    }
    int id = idsByCanonical.computeIfAbsent(canonical, text -> ++lastId);
    schemasById.putIfAbsent(id, schema);
    List<Version> all = subjects.computeIfAbsent(subject, name -> new ArrayList<>());
    int next = all.stream().mapToInt(Version::version).max().orElse(0) + 1;
    all.add(new Version(next, id, false));
    return id;
  }

  @Override
  public synchronized RegisteredSchema lookUp(String subject, Schema schema) {
    List<Version> live = liveOrThrow(subject);
    String canonical = schema.toString();
    for (Version version : live) {
      if (schemasById.get(version.id()).toString().equals(canonical)) {
        return registered(subject, version);
      }
    }
    throw new SchemaNotFoundException("Schema not found under subject '" + subject + "'");
  }

  @Override
  public synchronized Schema getSchemaById(int id, String subjectHint) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaNotFoundException("Schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema getVersion(String subject, int version) {
    for (Version candidate : liveOrThrow(subject)) {
      if (candidate.version() == version) {
        return registered(subject, candidate);
      }
    }
    throw new VersionNotFoundException("Version " + version + " not found in '" + subject + "'");
  }

  @Override
  public synchronized RegisteredSchema getLatestVersion(String subject) {
    List<Version> live = liveOrThrow(subject);
    return registered(subject, live.get(live.size() - 1));
  }

  @Override
  public synchronized CompatibilityResult testCompatibility(
      String subject, Schema schema, int version) {
    Schema old = getVersion(subject, version).schema();
    return result(AvroCompatibility.problems(level(subject), schema, List.of(old)));
  }

  @Override
  public synchronized CompatibilityResult testCompatibilityWithLatest(
      String subject, Schema schema) {
    List<Version> live = live(subject);
    if (live.isEmpty()) {
      return result(List.of());
    }
    Schema latest = schemasById.get(live.get(live.size() - 1).id());
    return result(AvroCompatibility.problems(level(subject), schema, List.of(latest)));
  }

  @Override
  public synchronized CompatibilityLevel getCompatibility() {
    return globalLevel;
  }

  @Override
  public synchronized CompatibilityLevel getCompatibility(String subject) {
    return level(subject);
  }

  @Override
  public synchronized void setCompatibility(CompatibilityLevel level) {
    globalLevel = level;
  }

  @Override
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    subjectLevels.put(subject, level);
  }

  @Override
  public synchronized List<String> getAllSubjects() {
    return subjects.keySet().stream().filter(subject -> !live(subject).isEmpty()).toList();
  }

  @Override
  public synchronized List<Integer> getAllVersions(String subject) {
    return liveOrThrow(subject).stream().map(Version::version).toList();
  }

  @Override
  public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
    List<Version> all = subjects.get(subject);
    if (all == null || all.isEmpty()) {
      throw new SubjectNotFoundException("Subject '" + subject + "' not found");
    }
    List<Version> live = live(subject);
    if (permanent) {
      if (!live.isEmpty()) {
        throw new RegistryNotFoundException(
            "Subject '" + subject + "' was not deleted first before being permanently deleted",
            40405);
      }
      subjects.remove(subject);
      subjectLevels.remove(subject);
      return all.stream().map(Version::version).toList();
    }
    if (live.isEmpty()) {
      throw new RegistryNotFoundException("Subject '" + subject + "' was soft deleted", 40404);
    }
    all.replaceAll(version -> new Version(version.version(), version.id(), true));
    return live.stream().map(Version::version).toList();
  }

  private CompatibilityLevel level(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  private List<Version> live(String subject) {
    return subjects.getOrDefault(subject, List.of()).stream()
        .filter(version -> !version.deleted())
        .toList();
  }

  private List<Version> liveOrThrow(String subject) {
    List<Version> live = live(subject);
    if (live.isEmpty()) {
      throw new SubjectNotFoundException("Subject '" + subject + "' not found");
    }
    return live;
  }

  private RegisteredSchema registered(String subject, Version version) {
    return new RegisteredSchema(
        subject, version.version(), version.id(), schemasById.get(version.id()));
  }

  private static CompatibilityResult result(List<String> problems) {
    return new CompatibilityResult(problems.isEmpty(), problems);
  }
}
