package io.tokenmeter.devregistry;

import io.tokenmeter.devregistry.RegistryEvent.ConfigDeleted;
import io.tokenmeter.devregistry.RegistryEvent.ConfigSet;
import java.util.List;

/** Global and per-subject compatibility levels (GET|PUT|DELETE /config[/{s}]). */
final class ConfigOperations {
  private ConfigOperations() {}

  static Change<CompatibilityLevel> set(
      RegistryState state, String subject, CompatibilityLevel level) {
    return new Change<>(List.of(new ConfigSet(subject, level)), level);
  }

  /** The subject's own level; without {@code defaultToGlobal} a subject with none is a 40408. */
  static CompatibilityLevel get(RegistryState state, String subject, boolean defaultToGlobal) {
    return state
        .subjectLevel(subject)
        .orElseGet(
            () -> {
              if (defaultToGlobal) {
                return state.globalLevel();
              }
              throw Errors.subjectHasNoConfig(subject);
            });
  }

  /** Removes the subject's own level and returns it; 40401 when it had none. */
  static Change<CompatibilityLevel> deleteSubjectLevel(RegistryState state, String subject) {
    CompatibilityLevel previous =
        state.subjectLevel(subject).orElseThrow(() -> Errors.subjectNotFound(subject));
    return new Change<>(List.of(new ConfigDeleted(subject)), previous);
  }

  /** Resets the global level to the default and returns the previous one. */
  static Change<CompatibilityLevel> deleteGlobalLevel(RegistryState state) {
    return new Change<>(List.of(new ConfigDeleted(null)), state.globalLevel());
  }
}
