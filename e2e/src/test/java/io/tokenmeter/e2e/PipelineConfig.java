package io.tokenmeter.e2e;

import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.sink.config.SinkSettingsLoader;
import io.tokenmeter.testenv.StackEndpoints;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Names and settings of one pipeline run: every topic, consumer group, application id and tenant
 * carries a fresh run id, so runs sharing a broker and ClickHouse never see each other's data.
 */
final class PipelineConfig {

  /** Partitions of every topic: more than one, so ordering across partitions is exercised. */
  static final int PARTITIONS = 2;

  /** The broker's minimum: a killed member is noticed quickly. */
  private static final String SESSION_TIMEOUT_MS = "6000";

  private static final String HEARTBEAT_INTERVAL_MS = "1500";

  /**
   * Records carry their event time (January 2026), far older than the default 7-day retention: the
   * broker would delete a segment of them minutes after it was written, and the read-back of the
   * topic would miss events that ClickHouse holds.
   */
  private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1");

  private final StackEndpoints stack;
  private final String run;
  private final Path stateDir;

  PipelineConfig(StackEndpoints stack, Path stateDir) {
    this.stack = stack;
    this.stateDir = stateDir;
    this.run = UUID.randomUUID().toString().substring(0, 8);
  }

  String run() {
    return run;
  }

  StackEndpoints stack() {
    return stack;
  }

  /** Tenant ids of this run all start with this prefix (the ClickHouse filter). */
  String tenantPrefix() {
    return "e2e-" + run + "-";
  }

  /** Processor settings as the flat map a properties file or {@code fromMap} takes. */
  Map<String, String> processorValues() {
    Map<String, String> values = new HashMap<>();
    for (String key : ProcessorSettings.topicKeys()) {
      values.put(key, ProcessorSettings.defaults().get(key) + ".e2e-" + run);
    }
    values.put(ProcessorSettings.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
    values.put(ProcessorSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    values.put(ProcessorSettings.APPLICATION_ID, "e2e-processor-" + run);
    values.put(ProcessorSettings.PROCESSING_GUARANTEE, ProcessorSettings.EXACTLY_ONCE_V2);
    // Parked events are retried soon after a late price arrives, to keep the test short.
    values.put(ProcessorSettings.UNPRICED_RETRY_INTERVAL, "PT1S");
    values.put("state.dir", stateDir.toString());
    // Any free port for the processor's API: 8080 may be taken by another build on this host.
    values.put(ApiSettings.PORT, "0");
    values.put("replication.factor", "1");
    values.put("commit.interval.ms", "200");
    // A killed instance leaves the group after this, not after the 45 s default.
    values.put("session.timeout.ms", SESSION_TIMEOUT_MS);
    values.put("heartbeat.interval.ms", HEARTBEAT_INTERVAL_MS);
    return values;
  }

  ProcessorSettings processorSettings() {
    return ProcessorSettings.fromMap(processorValues());
  }

  /** Sink settings reading the topics the processor writes. */
  Map<String, String> sinkValues() {
    ProcessorSettings processor = processorSettings();
    Map<String, String> values = new HashMap<>();
    values.put(SinkSettingsLoader.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
    values.put(SinkSettingsLoader.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    values.put(SinkSettingsLoader.CLICKHOUSE_URL, stack.clickHouseJdbcUrl());
    values.put(SinkSettingsLoader.GROUP_ID, "e2e-sink-" + run);
    values.put(SinkSettingsLoader.TOPIC_PRICED_USAGE, processor.pricedUsageTopic());
    values.put(
        SinkSettingsLoader.TOPIC_AGGREGATES, processor.topic(ProcessorSettings.TOPIC_AGGREGATES));
    values.put(
        SinkSettingsLoader.TOPIC_BUDGET_ALERTS,
        processor.topic(ProcessorSettings.TOPIC_BUDGET_ALERTS));
    values.put(
        SinkSettingsLoader.TOPIC_UNPRICED_USAGE,
        processor.topic(ProcessorSettings.TOPIC_UNPRICED_USAGE));
    values.put(
        SinkSettingsLoader.TOPIC_DEAD_LETTERS,
        processor.topic(ProcessorSettings.TOPIC_DEAD_LETTERS));
    values.put(SinkSettingsLoader.BATCH_MAX_ROWS, "500");
    values.put(SinkSettingsLoader.BATCH_MAX_WAIT_MS, "200");
    values.put(SinkSettingsLoader.BACKOFF_MAX_MS, "2000");
    // Port 0: a free port, never a clash with other builds on this host.
    values.put(SinkSettingsLoader.HTTP_PORT, "0");
    values.put(SinkSettingsLoader.KAFKA_PREFIX + "session.timeout.ms", SESSION_TIMEOUT_MS);
    values.put(SinkSettingsLoader.KAFKA_PREFIX + "heartbeat.interval.ms", HEARTBEAT_INTERVAL_MS);
    return values;
  }

  /** Creates every topic the processor reads or writes; they must exist before it starts. */
  void createTopics() throws InterruptedException, ExecutionException {
    ProcessorSettings settings = processorSettings();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      List<NewTopic> topics =
          ProcessorSettings.topicKeys().stream()
              .map(
                  key ->
                      new NewTopic(settings.topic(key), PARTITIONS, (short) 1)
                          .configs(KEEP_FOREVER))
              .toList();
      admin.createTopics(topics).all().get();
    }
  }
}
