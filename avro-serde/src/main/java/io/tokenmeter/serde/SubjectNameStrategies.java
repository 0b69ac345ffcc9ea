package io.tokenmeter.serde;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/** Resolves a strategy setting: our class names, Confluent's class names, or a custom class. */
final class SubjectNameStrategies {
  private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  private static final Map<String, Class<? extends SubjectNameStrategy>> KNOWN =
      Map.of(
          "TopicNameStrategy", TopicNameStrategy.class,
          "RecordNameStrategy", RecordNameStrategy.class,
          "TopicRecordNameStrategy", TopicRecordNameStrategy.class);

  private SubjectNameStrategies() {}

  static SubjectNameStrategy fromConfig(Object value) {
    if (value == null || String.valueOf(value).isBlank()) {
      return new TopicNameStrategy();
    }
    if (value instanceof SubjectNameStrategy strategy) {
      return strategy;
    }
    if (value instanceof Class<?> type) {
      return instantiate(type);
    }
    String name = String.valueOf(value).trim();
    // Accept Confluent's class names so existing configurations keep working.
    String simple =
        name.startsWith(CONFLUENT_PACKAGE) ? name.substring(CONFLUENT_PACKAGE.length()) : name;
    Class<? extends SubjectNameStrategy> known = KNOWN.get(simple);
    if (known != null) {
      return instantiate(known);
    }
    try {
      return instantiate(Class.forName(name, true, Thread.currentThread().getContextClassLoader()));
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "Subject name strategy '"
              + name
              + "' is unknown; use TopicNameStrategy,"
              + " RecordNameStrategy, TopicRecordNameStrategy or a class implementing "
              + SubjectNameStrategy.class.getName(),
          e);
    }
  }

  private static SubjectNameStrategy instantiate(Class<?> type) {
    if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "Subject name strategy "
              + type.getName()
              + " must implement "
              + SubjectNameStrategy.class.getName());
    }
    try {
      return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalArgumentException(
          "Subject name strategy " + type.getName() + " needs a public no-argument constructor", e);
    }
  }
}
