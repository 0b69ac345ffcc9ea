package io.tokenmeter.processor.config;

import io.tokenmeter.processor.api.ApiSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Layers settings: defaults, then a properties file, then environment variables (the later layer
 * wins), so a container can override one key without a new file.
 *
 * <p>Environment names: each known key upper-cased with {@code .} and {@code -} as {@code _} (e.g.
 * {@code TOKENMETER_AGGREGATE_GRACE}, {@code BOOTSTRAP_SERVERS} as {@code
 * TOKENMETER_KAFKA_BOOTSTRAP_SERVERS}); any other Kafka Streams key as {@code TOKENMETER_KAFKA_}
 * and the key upper-cased with dots as underscores ({@code TOKENMETER_KAFKA_NUM_STREAM_THREADS}).
 */
public final class SettingsLayers {
  public static final String KAFKA_ENV_PREFIX = "TOKENMETER_KAFKA_";

  private SettingsLayers() {}

  /** Reads the file (if given) and the environment over the defaults, then validates. */
  public static ProcessorSettings load(Path file, Map<String, String> environment) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (file != null) {
      merged.putAll(readFile(file));
    }
    merged.putAll(fromEnvironment(environment));
    return ProcessorSettings.fromMap(merged);
  }

  static Map<String, String> readFile(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "settings file " + file.toAbsolutePath() + " does not exist or is not readable");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read settings file " + file, e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return values;
  }

  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
            String key = name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
            values.put(key.replace('_', '.'), value);
          }
        });
    // Our own keys have dashes, which the generic rule cannot restore, so map them by name.
    List<String> keys = new ArrayList<>(ProcessorSettings.defaults().keySet());
    keys.addAll(ApiSettings.keys());
    for (String key : keys) {
      String value = environment.get(environmentName(key));
      if (value != null) {
        values.put(key, value);
      }
    }
    return values;
  }

  /** The environment variable that overrides a known key. */
  public static String environmentName(String key) {
    String upper = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return upper.startsWith("TOKENMETER_") ? upper : KAFKA_ENV_PREFIX + upper;
  }
}
