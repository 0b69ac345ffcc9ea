package io.tokenmeter.processor.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from flat settings and collects every problem, so one start-up failure lists
 * all the keys to fix rather than the first one.
 */
final class SettingsReader {
  private final Map<String, String> values;
  private final List<String> problems = new ArrayList<>();

  SettingsReader(Map<String, String> values) {
    this.values = values;
  }

  void require(String key) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      problems.add(key + " is empty; set it or remove it to use the default");
    }
  }

  Duration duration(String key, boolean mustBePositive) {
    String text = values.get(key);
    try {
      Duration parsed = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      if (parsed.isNegative() || (mustBePositive && parsed.isZero())) {
        problems.add(key + " is " + text + "; it must be " + (mustBePositive ? "> 0" : ">= 0"));
      }
      return parsed;
    } catch (DateTimeParseException | NullPointerException e) {
      problems.add(key + " is '" + text + "'; write an ISO-8601 duration such as PT5M or PT1H");
      return Duration.ZERO;
    }
  }

  boolean bool(String key) {
    String text = String.valueOf(values.get(key)).trim().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      problems.add(key + " is '" + values.get(key) + "'; write true or false");
    }
    return Boolean.parseBoolean(text);
  }

  void problem(String message) {
    problems.add(message);
  }

  /** Throws one exception naming every problem found, if any. */
  void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid stream-processor settings: " + String.join("; ", problems));
    }
  }
}
