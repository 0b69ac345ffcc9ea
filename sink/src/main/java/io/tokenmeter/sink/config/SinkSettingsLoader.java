package io.tokenmeter.sink.config;

import io.tokenmeter.sink.writer.InsertPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds {@link SinkSettings} from flat key/value pairs, layered: defaults, then a properties file,
 * then environment variables (the key upper-cased, dots and dashes as underscores, e.g. {@code
 * TOKENMETER_SINK_CLICKHOUSE_URL}). Keys starting with {@value #KAFKA_PREFIX} or {@value
 * #JDBC_PREFIX} pass through, prefix removed, to the consumer or the JDBC connection.
 */
public final class SinkSettingsLoader {

  public static final String PREFIX = "tokenmeter.sink.";
  public static final String BOOTSTRAP_SERVERS = PREFIX + "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = PREFIX + "schema.registry.url";
  public static final String CLICKHOUSE_URL = PREFIX + "clickhouse.url";
  public static final String GROUP_ID = PREFIX + "group.id";
  public static final String TOPIC_PRICED_USAGE = PREFIX + "topic.priced-usage";
  public static final String TOPIC_AGGREGATES = PREFIX + "topic.aggregates";
  public static final String TOPIC_BUDGET_ALERTS = PREFIX + "topic.budget-alerts";
  public static final String TOPIC_UNPRICED_USAGE = PREFIX + "topic.unpriced-usage";
  public static final String TOPIC_DEAD_LETTERS = PREFIX + "topic.dead-letters";
  public static final String BATCH_MAX_ROWS = PREFIX + "batch.max.rows";
  public static final String BATCH_MAX_WAIT_MS = PREFIX + "batch.max.wait.ms";
  public static final String BACKOFF_INITIAL_MS = PREFIX + "backoff.initial.ms";
  public static final String BACKOFF_MAX_MS = PREFIX + "backoff.max.ms";
  public static final String SHUTDOWN_TIMEOUT_MS = PREFIX + "shutdown.timeout.ms";
  public static final String RETENTION_DAYS = PREFIX + "retention.days";
  public static final String DEDUP_WINDOW = PREFIX + "dedup.window";
  public static final String INSERT_PATH = PREFIX + "insert.path";
  public static final String RECOVER_WRITTEN_OFFSETS = PREFIX + "recover.written.offsets";
  public static final String HTTP_HOST = PREFIX + "http.host";
  public static final String HTTP_PORT = PREFIX + "http.port";
  public static final String KAFKA_PREFIX = "kafka.";
  public static final String JDBC_PREFIX = "jdbc.";

  private static final String[] KEYS = {
    BOOTSTRAP_SERVERS,
    SCHEMA_REGISTRY_URL,
    CLICKHOUSE_URL,
    GROUP_ID,
    TOPIC_PRICED_USAGE,
    TOPIC_AGGREGATES,
    TOPIC_BUDGET_ALERTS,
    TOPIC_UNPRICED_USAGE,
    TOPIC_DEAD_LETTERS,
    BATCH_MAX_ROWS,
    BATCH_MAX_WAIT_MS,
    BACKOFF_INITIAL_MS,
    BACKOFF_MAX_MS,
    SHUTDOWN_TIMEOUT_MS,
    RETENTION_DAYS,
    DEDUP_WINDOW,
    INSERT_PATH,
    RECOVER_WRITTEN_OFFSETS,
    HTTP_HOST,
    HTTP_PORT
  };

  private SinkSettingsLoader() {}

  /** File values overridden by environment values for the known keys. */
  public static SinkSettings load(Map<String, String> file, Map<String, String> environment) {
    Map<String, String> merged = new LinkedHashMap<>(file);
    for (String key : KEYS) {
      String value = environment.get(environmentName(key));
      if (value != null) {
        merged.put(key, value);
      }
    }
    return fromMap(merged);
  }

  /** {@code tokenmeter.sink.clickhouse.url} to {@code TOKENMETER_SINK_CLICKHOUSE_URL}. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  static SinkSettings fromMap(Map<String, String> values) {
    SinkSettings.Builder b = SinkSettings.builder();
    set(values, BOOTSTRAP_SERVERS, b::bootstrapServers);
    set(values, SCHEMA_REGISTRY_URL, b::schemaRegistryUrl);
    set(values, CLICKHOUSE_URL, b::clickHouseJdbcUrl);
    set(values, GROUP_ID, b::groupId);
    b.topics(
        new SinkTopics(
            values.getOrDefault(TOPIC_PRICED_USAGE, SinkTopics.DEFAULT_PRICED_USAGE),
            values.getOrDefault(TOPIC_AGGREGATES, SinkTopics.DEFAULT_AGGREGATES),
            values.getOrDefault(TOPIC_BUDGET_ALERTS, SinkTopics.DEFAULT_BUDGET_ALERTS),
            values.getOrDefault(TOPIC_UNPRICED_USAGE, SinkTopics.DEFAULT_UNPRICED_USAGE),
            values.getOrDefault(TOPIC_DEAD_LETTERS, SinkTopics.DEFAULT_DEAD_LETTERS)));
    set(values, BATCH_MAX_ROWS, v -> b.maxBatchRows(integer(BATCH_MAX_ROWS, v)));
    set(values, BATCH_MAX_WAIT_MS, v -> b.maxBatchWait(millis(BATCH_MAX_WAIT_MS, v)));
    set(values, BACKOFF_INITIAL_MS, v -> b.backoffInitial(millis(BACKOFF_INITIAL_MS, v)));
    set(values, BACKOFF_MAX_MS, v -> b.backoffMax(millis(BACKOFF_MAX_MS, v)));
    set(values, SHUTDOWN_TIMEOUT_MS, v -> b.shutdownTimeout(millis(SHUTDOWN_TIMEOUT_MS, v)));
    set(values, RETENTION_DAYS, v -> b.retentionDays(integer(RETENTION_DAYS, v)));
    set(values, DEDUP_WINDOW, v -> b.dedupWindow(integer(DEDUP_WINDOW, v)));
    set(values, INSERT_PATH, v -> b.insertPath(insertPath(v)));
    set(values, RECOVER_WRITTEN_OFFSETS, v -> b.recoverWrittenOffsets(bool(v)));
    set(values, HTTP_HOST, b::httpHost);
    set(values, HTTP_PORT, v -> b.httpPort(integer(HTTP_PORT, v)));
    values.forEach(
        (key, value) -> {
          if (key.startsWith(KAFKA_PREFIX)) {
            b.consumerProperty(key.substring(KAFKA_PREFIX.length()), value);
          } else if (key.startsWith(JDBC_PREFIX)) {
            b.jdbcProperty(key.substring(JDBC_PREFIX.length()), value);
          }
        });
    return b.build();
  }

  private static void set(Map<String, String> values, String key, Consumer<String> setter) {
    String value = values.get(key);
    if (value != null && !value.isBlank()) {
      setter.accept(value.strip());
    }
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " '" + value + "' must be a whole number", e);
    }
  }

  private static Duration millis(String key, String value) {
    return Duration.ofMillis(integer(key, value));
  }

  private static boolean bool(String value) {
    String text = value.toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(
          RECOVER_WRITTEN_OFFSETS + " '" + value + "' must be true or false");
    }
    return Boolean.parseBoolean(text);
  }

  private static InsertPath insertPath(String value) {
    try {
      return InsertPath.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          INSERT_PATH + " '" + value + "' must be VALUES or ROW_BINARY", e);
    }
  }
}
