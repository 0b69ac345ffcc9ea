package io.tokenmeter.devregistry;

import java.util.List;

/**
 * A change to the registry's state. Every mutation is expressed as one or more events so that the
 * same code path applies live changes and replays the journal at start-up; ids are part of the
 * events, which is what keeps them stable across restarts.
 */
sealed interface RegistryEvent {

  /** A new version of a subject pointing at schema {@code id} (new or reused). */
  record SchemaRegistered(
      String subject, int version, int id, String schema, List<SchemaReference> references)
      implements RegistryEvent {
    public SchemaRegistered {
      references = List.copyOf(references);
    }
  }

  /** A version hidden from normal reads; its id stays resolvable. */
  record VersionSoftDeleted(String subject, int version) implements RegistryEvent {}

  /** A (previously soft-deleted) version removed for good. */
  record VersionHardDeleted(String subject, int version) implements RegistryEvent {}

  /** A compatibility level set for one subject, or globally when {@code subject} is null. */
  record ConfigSet(String subject, CompatibilityLevel level) implements RegistryEvent {}

  /** A subject's own level removed (or, when {@code subject} is null, the global level reset). */
  record ConfigDeleted(String subject) implements RegistryEvent {}
}
