package io.tokenmeter.devregistry;

import java.util.List;

/** Read-only questions about subjects, versions and ids. */
final class SubjectQueries {
  private SubjectQueries() {}

  static RegisteredSchema schemaById(RegistryState state, int id) {
    return state.schema(id).orElseThrow(() -> Errors.schemaNotFound("Schema " + id));
  }

  /** The subject versions that use schema {@code id}; soft-deleted ones only when asked. */
  static List<SubjectVersion> versionsOfId(RegistryState state, int id, boolean includeDeleted) {
    schemaById(state, id);
    return state.versionsWithId(id).stream().filter(v -> includeDeleted || !v.deleted()).toList();
  }

  /** Subject names, sorted. A subject counts as deleted once all its versions are. */
  static List<String> subjects(
      RegistryState state, String prefix, boolean includeDeleted, boolean deletedOnly) {
    return state.subjectNames().stream()
        .filter(s -> prefix == null || s.startsWith(prefix))
        .filter(
            s -> {
              boolean deleted = state.liveVersions(s).isEmpty();
              return deletedOnly ? deleted : includeDeleted || !deleted;
            })
        .toList();
  }

  /** Version numbers of a subject, ascending; 40401 when it has none of the kind asked for. */
  static List<SubjectVersion> versions(
      RegistryState state, String subject, boolean includeDeleted, boolean deletedOnly) {
    boolean anyKind = includeDeleted || deletedOnly;
    List<SubjectVersion> candidates =
        anyKind ? state.versions(subject) : state.liveVersions(subject);
    if (candidates.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    return deletedOnly ? candidates.stream().filter(SubjectVersion::deleted).toList() : candidates;
  }

  /** One version ("latest" = newest live one); soft-deleted versions only when asked. */
  static StoredVersion version(
      RegistryState state, String subject, VersionId version, boolean includeDeleted) {
    List<SubjectVersion> candidates =
        includeDeleted ? state.versions(subject) : state.liveVersions(subject);
    if (candidates.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    SubjectVersion found;
    if (version.isLatest()) {
      found = candidates.get(candidates.size() - 1);
    } else {
      found =
          candidates.stream()
              .filter(v -> v.version() == version.number())
              .findFirst()
              .orElseThrow(() -> Errors.versionNotFound(subject, version));
    }
    return new StoredVersion(found, state.schema(found.schemaId()).orElseThrow());
  }
}
