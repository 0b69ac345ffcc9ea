package io.tokenmeter.processor.config;

import io.tokenmeter.processor.topology.Topics;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Immutable settings of the stream processor. Keys starting with {@code tokenmeter.} are ours;
 * every other key (Kafka Streams, Kafka clients, schema registry) passes through unchanged to Kafka
 * Streams and to the serdes. Build one with {@link #fromMap} after layering ({@link
 * SettingsLayers}).
 */
public final class ProcessorSettings {
  public static final String APPLICATION_ID = "application.id";
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String PROCESSING_GUARANTEE = "processing.guarantee";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String TOPIC_USAGE = "tokenmeter.topic.usage";
  public static final String TOPIC_PRICED_USAGE = "tokenmeter.topic.priced-usage";
  public static final String TOPIC_UNPRICED_USAGE = "tokenmeter.topic.unpriced-usage";
  public static final String TOPIC_PRICES = "tokenmeter.topic.prices";
  public static final String TOPIC_BUDGETS = "tokenmeter.topic.budgets";
  public static final String TOPIC_AGGREGATES = "tokenmeter.topic.aggregates";
  public static final String TOPIC_BUDGET_ALERTS = "tokenmeter.topic.budget-alerts";
  public static final String TOPIC_BUDGET_STATE = "tokenmeter.topic.budget-state";
  public static final String TOPIC_DEAD_LETTERS = "tokenmeter.topic.dead-letters";
  public static final String AGGREGATE_GRACE = "tokenmeter.aggregate.grace";
  public static final String AGGREGATE_CORRECTION_RETENTION =
      "tokenmeter.aggregate.correction-retention";
  public static final String AGGREGATE_EMIT_UPDATES = "tokenmeter.aggregate.emit-updates";
  public static final String AGGREGATE_UPDATE_INTERVAL = "tokenmeter.aggregate.update-interval";
  public static final String SHUTDOWN_TIMEOUT = "tokenmeter.shutdown.timeout";
  public static final String UNPRICED_RETRY_INTERVAL = "tokenmeter.unpriced.retry-interval";
  public static final String BUDGET_STATE_INTERVAL = "tokenmeter.budget.state-interval";
  public static final String DEDUP_RETENTION = "tokenmeter.dedup.retention";

  public static final String DEFAULT_APPLICATION_ID = "tokenmeter-stream-processor";
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
  public static final String AT_LEAST_ONCE = "at_least_once";
  public static final String DEFAULT_PROCESSING_GUARANTEE = EXACTLY_ONCE_V2;
  public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

  /**
   * Long enough for a producer's retries and batching; short enough to keep final values timely.
   */
  public static final Duration DEFAULT_AGGREGATE_GRACE = Duration.ofMinutes(5);

  /** How long a closed window still accepts late events as corrections (store size vs. recall). */
  public static final Duration DEFAULT_AGGREGATE_CORRECTION_RETENTION = Duration.ofDays(1);

  public static final boolean DEFAULT_AGGREGATE_EMIT_UPDATES = true;

  /**
   * At most one update per window and key in this time (wall clock): fresh enough for a dashboard,
   * and a busy key costs one record per second instead of one per event. Zero = after every event.
   */
  public static final Duration DEFAULT_AGGREGATE_UPDATE_INTERVAL = Duration.ofSeconds(1);

  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  /** How often parked unpriced events are retried, if the catalog changed in between. */
  public static final Duration DEFAULT_UNPRICED_RETRY_INTERVAL = Duration.ofSeconds(10);

  /**
   * Minimum time between two budget-state records of one budget whose status did not change; a
   * status or threshold change is always emitted at once.
   */
  public static final Duration DEFAULT_BUDGET_STATE_INTERVAL = Duration.ofSeconds(1);

  /**
   * How far (in event time) behind the newest event a task has seen a second copy of an earlier
   * event is still recognised and dropped. SDK retries and client resends come within seconds or
   * minutes; the store holds about (events per second x retention) entries per instance.
   */
  public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofHours(1);

  private static final Set<String> GUARANTEES = Set.of(EXACTLY_ONCE_V2, AT_LEAST_ONCE);

  private final Map<String, String> values;
  private final Duration aggregateGrace;
  private final Duration correctionRetention;
  private final boolean emitUpdates;
  private final Duration updateInterval;
  private final Duration shutdownTimeout;
  private final Duration unpricedRetryInterval;
  private final Duration budgetStateInterval;
  private final Duration dedupRetention;

  private ProcessorSettings(Map<String, String> values) {
    this.values = values;
    SettingsReader reader = new SettingsReader(values);
    topicKeys().forEach(reader::require);
    reader.require(APPLICATION_ID);
    reader.require(BOOTSTRAP_SERVERS);
    reader.require(SCHEMA_REGISTRY_URL);
    String guarantee = values.get(PROCESSING_GUARANTEE);
    if (!GUARANTEES.contains(guarantee)) {
      reader.problem(
          PROCESSING_GUARANTEE
              + " is '"
              + guarantee
              + "'; set it to exactly_once_v2 (default) or at_least_once");
    }
    aggregateGrace = reader.duration(AGGREGATE_GRACE, false);
    correctionRetention = reader.duration(AGGREGATE_CORRECTION_RETENTION, false);
    shutdownTimeout = reader.duration(SHUTDOWN_TIMEOUT, true);
    unpricedRetryInterval = reader.duration(UNPRICED_RETRY_INTERVAL, true);
    budgetStateInterval = reader.duration(BUDGET_STATE_INTERVAL, false);
    dedupRetention = reader.duration(DEDUP_RETENTION, true);
    emitUpdates = reader.bool(AGGREGATE_EMIT_UPDATES);
    updateInterval = reader.duration(AGGREGATE_UPDATE_INTERVAL, false);
    if (!updateInterval.isZero() && updateInterval.toMillis() < 1) {
      reader.problem(
          AGGREGATE_UPDATE_INTERVAL
              + " is "
              + updateInterval
              + "; give PT0S (after every event) or at least 1 millisecond");
    }
    if (topicKeys().stream().map(values::get).distinct().count() != topicKeys().size()) {
      reader.problem("the tokenmeter.topic.* settings must name 9 different topics; two are equal");
    }
    reader.throwIfInvalid();
  }

  /** Settings from a flat map; missing keys take their defaults. */
  public static ProcessorSettings fromMap(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(defaults());
    merged.putAll(overrides);
    return new ProcessorSettings(Collections.unmodifiableMap(merged));
  }

  /** Settings with every default. */
  public static ProcessorSettings defaultSettings() {
    return fromMap(Map.of());
  }

  /** The default value of every key this class knows. */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(APPLICATION_ID, DEFAULT_APPLICATION_ID);
    defaults.put(BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS);
    defaults.put(PROCESSING_GUARANTEE, DEFAULT_PROCESSING_GUARANTEE);
    defaults.put(SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
    defaults.put(TOPIC_USAGE, Topics.USAGE);
    defaults.put(TOPIC_PRICED_USAGE, Topics.PRICED_USAGE);
    defaults.put(TOPIC_UNPRICED_USAGE, Topics.UNPRICED_USAGE);
    defaults.put(TOPIC_PRICES, Topics.PRICES);
    defaults.put(TOPIC_BUDGETS, Topics.BUDGETS);
    defaults.put(TOPIC_AGGREGATES, Topics.AGGREGATES);
    defaults.put(TOPIC_BUDGET_ALERTS, Topics.BUDGET_ALERTS);
    defaults.put(TOPIC_BUDGET_STATE, Topics.BUDGET_STATE);
    defaults.put(TOPIC_DEAD_LETTERS, Topics.DEAD_LETTERS);
    defaults.put(AGGREGATE_GRACE, DEFAULT_AGGREGATE_GRACE.toString());
    defaults.put(AGGREGATE_CORRECTION_RETENTION, DEFAULT_AGGREGATE_CORRECTION_RETENTION.toString());
    defaults.put(AGGREGATE_EMIT_UPDATES, String.valueOf(DEFAULT_AGGREGATE_EMIT_UPDATES));
    defaults.put(AGGREGATE_UPDATE_INTERVAL, DEFAULT_AGGREGATE_UPDATE_INTERVAL.toString());
    defaults.put(SHUTDOWN_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT.toString());
    defaults.put(UNPRICED_RETRY_INTERVAL, DEFAULT_UNPRICED_RETRY_INTERVAL.toString());
    defaults.put(BUDGET_STATE_INTERVAL, DEFAULT_BUDGET_STATE_INTERVAL.toString());
    defaults.put(DEDUP_RETENTION, DEFAULT_DEDUP_RETENTION.toString());
    return defaults;
  }

  /** Every key naming a topic. */
  public static List<String> topicKeys() {
    return List.of(
        TOPIC_USAGE,
        TOPIC_PRICED_USAGE,
        TOPIC_UNPRICED_USAGE,
        TOPIC_PRICES,
        TOPIC_BUDGETS,
        TOPIC_AGGREGATES,
        TOPIC_BUDGET_ALERTS,
        TOPIC_BUDGET_STATE,
        TOPIC_DEAD_LETTERS);
  }

  public String topic(String topicKey) {
    if (!topicKeys().contains(topicKey)) {
      throw new IllegalArgumentException(topicKey + " is not a topic key; use a TOPIC_* constant");
    }
    return values.get(topicKey);
  }

  public String usageTopic() {
    return values.get(TOPIC_USAGE);
  }

  public String pricedUsageTopic() {
    return values.get(TOPIC_PRICED_USAGE);
  }

  public String unpricedUsageTopic() {
    return values.get(TOPIC_UNPRICED_USAGE);
  }

  public String pricesTopic() {
    return values.get(TOPIC_PRICES);
  }

  public String budgetsTopic() {
    return values.get(TOPIC_BUDGETS);
  }

  public String budgetAlertsTopic() {
    return values.get(TOPIC_BUDGET_ALERTS);
  }

  public String budgetStateTopic() {
    return values.get(TOPIC_BUDGET_STATE);
  }

  public String aggregatesTopic() {
    return values.get(TOPIC_AGGREGATES);
  }

  public String deadLettersTopic() {
    return values.get(TOPIC_DEAD_LETTERS);
  }

  public String applicationId() {
    return values.get(APPLICATION_ID);
  }

  public String processingGuarantee() {
    return values.get(PROCESSING_GUARANTEE);
  }

  public String schemaRegistryUrl() {
    return values.get(SCHEMA_REGISTRY_URL);
  }

  public Duration aggregateGrace() {
    return aggregateGrace;
  }

  public Duration correctionRetention() {
    return correctionRetention;
  }

  public boolean emitAggregateUpdates() {
    return emitUpdates;
  }

  public Duration aggregateUpdateInterval() {
    return updateInterval;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  public Duration unpricedRetryInterval() {
    return unpricedRetryInterval;
  }

  public Duration budgetStateInterval() {
    return budgetStateInterval;
  }

  public Duration dedupRetention() {
    return dedupRetention;
  }

  /**
   * Every setting, ours included, for serde configuration (serdes ignore keys they do not know).
   */
  public Map<String, String> all() {
    return values;
  }

  /** Kafka Streams properties: every key that is not ours, unchanged. */
  public Properties streamsProperties() {
    Properties properties = new Properties();
    values.forEach(
        (key, value) -> {
          if (!key.startsWith("tokenmeter.")) {
            properties.setProperty(key, value);
          }
        });
    return properties;
  }

  @Override
  public String toString() {
    // Only our own keys: pass-through keys may hold credentials (sasl.jaas.config, basic auth).
    StringBuilder text = new StringBuilder("ProcessorSettings{");
    defaults()
        .keySet()
        .forEach(key -> text.append(key).append('=').append(values.get(key)).append(", "));
    return text.append('}').toString();
  }
}
