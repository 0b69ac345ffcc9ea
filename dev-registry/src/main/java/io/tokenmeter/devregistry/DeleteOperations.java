package io.tokenmeter.devregistry;

import io.tokenmeter.devregistry.RegistryEvent.ConfigDeleted;
import io.tokenmeter.devregistry.RegistryEvent.VersionHardDeleted;
import io.tokenmeter.devregistry.RegistryEvent.VersionSoftDeleted;
import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's two-step deletion: a soft delete hides versions but keeps their ids resolvable (so
 * old data stays readable); only a soft-deleted version may then be deleted permanently.
 */
final class DeleteOperations {
  private DeleteOperations() {}

  /** DELETE /subjects/{s}[?permanent=true]; returns the version numbers deleted. */
  static Change<List<Integer>> deleteSubject(
      RegistryState state, String subject, boolean permanent) {
    List<SubjectVersion> all = state.versions(subject);
    if (all.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    List<SubjectVersion> live = all.stream().filter(v -> !v.deleted()).toList();
    if (!permanent && live.isEmpty()) {
      throw Errors.subjectSoftDeleted(subject);
    }
    if (permanent && !live.isEmpty()) {
      throw Errors.subjectNotSoftDeleted(subject);
    }
    List<SubjectVersion> targets = permanent ? all : live;
    List<RegistryEvent> events = new ArrayList<>();
    for (SubjectVersion target : targets) {
      requireUnreferenced(state, target);
      events.add(
          permanent
              ? new VersionHardDeleted(subject, target.version())
              : new VersionSoftDeleted(subject, target.version()));
    }
    if (permanent && state.subjectLevel(subject).isPresent()) {
      events.add(new ConfigDeleted(subject));
    }
    return new Change<>(events, targets.stream().map(SubjectVersion::version).toList());
  }

  /** DELETE /subjects/{s}/versions/{v}[?permanent=true]; returns the version number deleted. */
  static Change<Integer> deleteVersion(
      RegistryState state, String subject, VersionId version, boolean permanent) {
    List<SubjectVersion> all = state.versions(subject);
    if (all.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    SubjectVersion target = find(all, subject, version, permanent);
    if (!permanent && target.deleted()) {
      throw Errors.versionSoftDeleted(subject, target.version());
    }
    if (permanent && !target.deleted()) {
      throw Errors.versionNotSoftDeleted(subject, target.version());
    }
    requireUnreferenced(state, target);
    List<RegistryEvent> events = new ArrayList<>();
    if (permanent) {
      events.add(new VersionHardDeleted(subject, target.version()));
      // The last version gone permanently takes the subject's own config with it (Confluent).
      if (all.size() == 1 && state.subjectLevel(subject).isPresent()) {
        events.add(new ConfigDeleted(subject));
      }
    } else {
      events.add(new VersionSoftDeleted(subject, target.version()));
    }
    return new Change<>(events, target.version());
  }

  private static SubjectVersion find(
      List<SubjectVersion> all, String subject, VersionId version, boolean permanent) {
    if (version.isLatest()) {
      // A soft delete acts on the newest live version; a permanent one on the newest of all.
      List<SubjectVersion> pool = permanent ? all : all.stream().filter(v -> !v.deleted()).toList();
      if (pool.isEmpty()) {
        throw Errors.versionNotFound(subject, version);
      }
      return pool.get(pool.size() - 1);
    }
    return all.stream()
        .filter(v -> v.version() == version.number())
        .findFirst()
        .orElseThrow(() -> Errors.versionNotFound(subject, version));
  }

  private static void requireUnreferenced(RegistryState state, SubjectVersion target) {
    if (state.isReferenced(target.subject(), target.version())) {
      throw Errors.referenceExists(target.subject(), target.version());
    }
  }
}
