package io.tokenmeter.dev;

import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The stream processor's and the sink's settings for the one-process dev pipeline. */
final class PipelineSettings {

  /** Bounds Ctrl-C: the services' defaults (30 s, 10 s) suit production, not a terminal. */
  static final Duration PROCESSOR_SHUTDOWN = Duration.ofSeconds(10);

  static final Duration SINK_SHUTDOWN = Duration.ofSeconds(10);

  /**
   * Kafka Streams members are dynamic, so close() cannot leave the group; a restarted dev would
   * wait out the 45 s default before getting its tasks back. One process, no long pauses: the
   * broker's minimum (group.min.session.timeout.ms) is safe here.
   */
  static final String SESSION_TIMEOUT_MS = "6000";

  private PipelineSettings() {}

  static ProcessorSettings processor(
      String bootstrapServers, String registryUrl, int apiPort, String apiToken, Path stateDir) {
    return ProcessorSettings.fromMap(
        Map.of(
            ProcessorSettings.BOOTSTRAP_SERVERS,
            bootstrapServers,
            ProcessorSettings.SCHEMA_REGISTRY_URL,
            registryUrl,
            ProcessorSettings.SHUTDOWN_TIMEOUT,
            PROCESSOR_SHUTDOWN.toString(),
            ApiSettings.PORT,
            Integer.toString(apiPort),
            ApiSettings.ADMIN_TOKENS,
            apiToken,
            "session.timeout.ms",
            SESSION_TIMEOUT_MS,
            // Under the data dir, so a second dev resumes from local state.
            "state.dir",
            stateDir.toAbsolutePath().toString()));
  }

  static SinkSettings sink(String bootstrapServers, String registryUrl, String clickHouseJdbcUrl) {
    // The sink's topic defaults equal Topics.*; wired from Topics so the two can never drift apart.
    return SinkSettings.builder()
        .bootstrapServers(bootstrapServers)
        .schemaRegistryUrl(registryUrl)
        .clickHouseJdbcUrl(clickHouseJdbcUrl)
        .topics(
            new SinkTopics(
                Topics.PRICED_USAGE,
                Topics.AGGREGATES,
                Topics.BUDGET_ALERTS,
                Topics.UNPRICED_USAGE,
                Topics.DEAD_LETTERS))
        .shutdownTimeout(SINK_SHUTDOWN)
        .consumerProperty("session.timeout.ms", SESSION_TIMEOUT_MS)
        // One health endpoint is enough in one process: the processor's API serves it.
        .httpPort(SinkSettings.HTTP_PORT_OFF)
        .build();
  }
}
