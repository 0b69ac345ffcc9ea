package io.tokenmeter.serde;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Immutable serde settings for one side (key or value), read with Confluent's key names. Registry
 * connection keys are read separately by {@link io.tokenmeter.registry.RegistryClientConfig}.
 */
public final class AvroSerdeConfig {
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  public static final String FAIL_ON_TRAILING_DATA = "avro.fail.on.trailing.data";

  public static final boolean DEFAULT_AUTO_REGISTER_SCHEMAS = true;
  public static final boolean DEFAULT_USE_LATEST_VERSION = false;
  public static final boolean DEFAULT_SPECIFIC_AVRO_READER = false;
  public static final boolean DEFAULT_FAIL_ON_TRAILING_DATA = false;

  private final boolean autoRegisterSchemas;
  private final boolean useLatestVersion;
  private final SubjectNameStrategy subjectNameStrategy;
  private final boolean specificAvroReader;
  private final Class<? extends SpecificRecord> specificType;
  private final boolean failOnTrailingData;

  private AvroSerdeConfig(Map<String, ?> configs, boolean isKey) {
    autoRegisterSchemas = bool(configs, AUTO_REGISTER_SCHEMAS, DEFAULT_AUTO_REGISTER_SCHEMAS);
    useLatestVersion = bool(configs, USE_LATEST_VERSION, DEFAULT_USE_LATEST_VERSION);
    subjectNameStrategy =
        SubjectNameStrategies.fromConfig(
            configs.get(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
    specificAvroReader = bool(configs, SPECIFIC_AVRO_READER, DEFAULT_SPECIFIC_AVRO_READER);
    specificType = specificType(configs, isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
    failOnTrailingData = bool(configs, FAIL_ON_TRAILING_DATA, DEFAULT_FAIL_ON_TRAILING_DATA);
  }

  /** Reads the settings of the key side or the value side; unknown keys are ignored. */
  public static AvroSerdeConfig fromMap(Map<String, ?> configs, boolean isKey) {
    return new AvroSerdeConfig(configs, isKey);
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException(key + " '" + value + "' must be true or false");
  }

  private static Class<? extends SpecificRecord> specificType(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    Class<?> type =
        value instanceof Class<?> given ? given : load(key, String.valueOf(value).trim());
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          key + " '" + type.getName() + "' must be a generated Avro class (a SpecificRecord)");
    }
    return type.asSubclass(SpecificRecord.class);
  }

  private static Class<?> load(String key, String className) {
    try {
      return Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          key + " names class '" + className + "', which is not on the classpath", e);
    }
  }

  /** Register the record's schema on serialize (default true); off means look the id up. */
  public boolean autoRegisterSchemas() {
    return autoRegisterSchemas;
  }

  /** With auto-register off, write with the subject's latest version (and read with it). */
  public boolean useLatestVersion() {
    return useLatestVersion;
  }

  public SubjectNameStrategy subjectNameStrategy() {
    return subjectNameStrategy;
  }

  /** Deserialize into the generated class named like the writer schema. */
  public boolean specificAvroReader() {
    return specificAvroReader;
  }

  /** A fixed generated reader class for every record of this side, if configured. */
  public Optional<Class<? extends SpecificRecord>> specificType() {
    return Optional.ofNullable(specificType);
  }

  public boolean failOnTrailingData() {
    return failOnTrailingData;
  }
}
