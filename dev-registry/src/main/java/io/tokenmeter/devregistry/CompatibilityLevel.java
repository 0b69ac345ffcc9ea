package io.tokenmeter.devregistry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Confluent compatibility levels. "Backward" means the new schema can read data written with an
 * older one; "forward" means older schemas can read data written with the new one; transitive
 * levels check every live version instead of only the latest.
 */
enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** Confluent's server default ({@code schema.compatibility.level=backward}). */
  static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  boolean newMustReadOld() {
    return newReadsOld;
  }

  boolean oldMustReadNew() {
    return oldReadsNew;
  }

  boolean isTransitive() {
    return transitive;
  }

  /** Parses a level case-insensitively, as Confluent does; unknown text is a 422/42203. */
  static CompatibilityLevel parse(String text) {
    if (text != null) {
      String upper = text.trim().toUpperCase(Locale.ROOT);
      for (CompatibilityLevel level : values()) {
        if (level.name().equals(upper)) {
          return level;
        }
      }
    }
    throw Errors.invalidCompatibilityLevel(text);
  }

  static String validNames() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
