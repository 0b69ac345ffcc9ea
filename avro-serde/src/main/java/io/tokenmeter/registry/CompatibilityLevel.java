package io.tokenmeter.registry;

import java.util.Locale;

/** Compatibility levels of the registry API. Sent upper case because Karapace/Apicurio need it. */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /** Parses a level case-insensitively, as Confluent does. */
  public static CompatibilityLevel parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Unknown compatibility level '"
              + text
              + "'; use one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE,"
              + " FULL, FULL_TRANSITIVE",
          e);
    }
  }

  /** Whether the new schema must be able to read data written with earlier versions. */
  public boolean checksBackward() {
    return this == BACKWARD
        || this == BACKWARD_TRANSITIVE
        || this == FULL
        || this == FULL_TRANSITIVE;
  }

  /** Whether earlier versions must be able to read data written with the new schema. */
  public boolean checksForward() {
    return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  /** Whether every earlier version takes part, rather than only the latest. */
  public boolean isTransitive() {
    return name().endsWith("_TRANSITIVE");
  }
}
