package io.tokenmeter.testenv;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where integration tests get their services from, chosen by {@value #PROPERTY}. */
public enum StackSource {
  /** A real Kafka broker, the dev registry and chdb behind the HTTP front, in this JVM. */
  EMBEDDED,
  /** Services that already run, named by environment variables. */
  EXTERNAL,
  /** Testcontainers images; needs a Docker engine. */
  CONTAINERS;

  /** System property that selects the source; the environment variable of the same role. */
  public static final String PROPERTY = "tokenmeter.stack";

  public static final String ENVIRONMENT_VARIABLE = "TOKENMETER_STACK";

  /** The source named by the system property, else the environment variable, else embedded. */
  public static StackSource selected() {
    String name = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT_VARIABLE));
    return name == null || name.isBlank() ? EMBEDDED : parse(name);
  }

  static StackSource parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(values())
              .map(s -> s.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "Unknown test stack '" + name + "' in -D" + PROPERTY + ": use one of " + allowed, e);
    }
  }
}
