package io.tokenmeter.devregistry;

import io.tokenmeter.devregistry.RegistryEvent.ConfigDeleted;
import io.tokenmeter.devregistry.RegistryEvent.ConfigSet;
import io.tokenmeter.devregistry.RegistryEvent.SchemaRegistered;
import io.tokenmeter.devregistry.RegistryEvent.VersionHardDeleted;
import io.tokenmeter.devregistry.RegistryEvent.VersionSoftDeleted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The registry's data: schemas by global id, subjects with their versions, and compatibility
 * levels. It changes only through {@link #apply}, which trusts its input (validation happens before
 * events are made). Not thread-safe; {@link RegistryStore} serialises access.
 */
final class RegistryState {
  private final Map<Integer, RegisteredSchema> schemasById = new HashMap<>();
  private final Map<SchemaKey, Integer> idsByKey = new HashMap<>();
  private final SortedMap<String, SortedMap<Integer, SubjectVersion>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final AvroSchemaParser parser = new AvroSchemaParser(this::resolveReference);
  private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
  // Never decreases, so a hard-deleted schema's id is not handed out again.
  private int maxId;

  void apply(RegistryEvent event) {
    switch (event) {
      case SchemaRegistered e -> applyRegistered(e);
      case VersionSoftDeleted e -> {
        SubjectVersion existing = existingVersion(e.subject(), e.version());
        subjects.get(e.subject()).put(e.version(), existing.softDeleted());
      }
      case VersionHardDeleted e -> applyHardDeleted(e);
      case ConfigSet e -> {
        if (e.subject() == null) {
          globalLevel = e.level();
        } else {
          subjectLevels.put(e.subject(), e.level());
        }
      }
      case ConfigDeleted e -> {
        if (e.subject() == null) {
          globalLevel = CompatibilityLevel.DEFAULT;
        } else {
          subjectLevels.remove(e.subject());
        }
      }
    }
  }

  private void applyRegistered(SchemaRegistered e) {
    if (!schemasById.containsKey(e.id())) {
      // The journal holds canonical text (validated when it was registered), so the identity key
      // needs no parsing; the Avro form is parsed lazily.
      SchemaKey key = new SchemaKey(e.schema(), e.references());
      schemasById.put(
          e.id(),
          new RegisteredSchema(
              e.id(), key, () -> parser.parse(key.canonical(), key.references()).avro()));
      idsByKey.put(key, e.id());
    }
    maxId = Math.max(maxId, e.id());
    subjects
        .computeIfAbsent(e.subject(), s -> new TreeMap<>())
        .put(e.version(), new SubjectVersion(e.subject(), e.version(), e.id(), false));
  }

  private void applyHardDeleted(VersionHardDeleted e) {
    SubjectVersion removed = existingVersion(e.subject(), e.version());
    SortedMap<Integer, SubjectVersion> versions = subjects.get(e.subject());
    versions.remove(e.version());
    if (versions.isEmpty()) {
      subjects.remove(e.subject());
    }
    if (versionsWithId(removed.schemaId()).isEmpty()) {
      RegisteredSchema schema = schemasById.remove(removed.schemaId());
      idsByKey.remove(schema.key());
    }
  }

  private SubjectVersion existingVersion(String subject, int version) {
    SortedMap<Integer, SubjectVersion> versions = subjects.get(subject);
    SubjectVersion existing = versions == null ? null : versions.get(version);
    if (existing == null) {
      throw new IllegalStateException("no version " + version + " of subject '" + subject + "'");
    }
    return existing;
  }

  AvroSchemaParser parser() {
    return parser;
  }

  Optional<RegisteredSchema> schema(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  Optional<Integer> idFor(SchemaKey key) {
    return Optional.ofNullable(idsByKey.get(key));
  }

  int maxId() {
    return maxId;
  }

  /** All versions of a subject, soft-deleted ones included, oldest first; empty if unknown. */
  List<SubjectVersion> versions(String subject) {
    SortedMap<Integer, SubjectVersion> versions = subjects.get(subject);
    return versions == null ? List.of() : List.copyOf(versions.values());
  }

  /** Live (not soft-deleted) versions, oldest first. */
  List<SubjectVersion> liveVersions(String subject) {
    return versions(subject).stream().filter(v -> !v.deleted()).toList();
  }

  Set<String> subjectNames() {
    return subjects.keySet();
  }

  /** Every subject version (soft-deleted included) that points at the schema id. */
  List<SubjectVersion> versionsWithId(int id) {
    List<SubjectVersion> found = new ArrayList<>();
    for (SortedMap<Integer, SubjectVersion> versions : subjects.values()) {
      versions.values().stream().filter(v -> v.schemaId() == id).forEach(found::add);
    }
    return found;
  }

  /** Whether any other schema names this subject version as a reference. */
  boolean isReferenced(String subject, int version) {
    for (SortedMap<Integer, SubjectVersion> versions : subjects.values()) {
      for (SubjectVersion v : versions.values()) {
        for (SchemaReference r : schemasById.get(v.schemaId()).references()) {
          if (r.subject().equals(subject) && r.version() == version) {
            return true;
          }
        }
      }
    }
    return false;
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevel(subject).orElse(globalLevel);
  }

  /** Resolves a reference to a registered version (soft-deleted ones too; -1 means latest live). */
  private RegisteredSchema resolveReference(SchemaReference reference) {
    List<SubjectVersion> candidates =
        reference.version() == -1
            ? liveVersions(reference.subject())
            : versions(reference.subject()).stream()
                .filter(v -> v.version() == reference.version())
                .toList();
    if (candidates.isEmpty()) {
      throw Errors.invalidSchema(
          "reference '"
              + reference.name()
              + "' points at subject '"
              + reference.subject()
              + "' version "
              + reference.version()
              + ", which is not registered");
    }
    return schemasById.get(candidates.get(candidates.size() - 1).schemaId());
  }
}
