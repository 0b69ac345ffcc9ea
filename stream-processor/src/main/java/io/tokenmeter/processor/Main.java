package io.tokenmeter.processor;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.api.ProcessorApi;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.config.SettingsLayers;
import io.tokenmeter.processor.topology.CostTopology;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stream processor: {@code Main [settings.properties]}, environment overrides on top (see
 * {@link SettingsLayers}). Stops on SIGTERM/SIGINT with a bounded close; local state is kept, so a
 * restart resumes from it instead of rebuilding every store from the changelogs. After a kill,
 * Kafka Streams itself restores the stores the killed run wrote; local state is wiped first only
 * when it comes from a killed pre-4.3 build (see {@link CrashMarker}).
 */
public final class Main {
  private static final Logger LOGGER = LoggerFactory.getLogger(Main.class);

  /**
   * The API started with each instance, so {@link #stop} can close it without changing the
   * signature callers (the dev stack, tests) already use.
   */
  private static final Map<KafkaStreams, ProcessorApi> APIS = new ConcurrentHashMap<>();

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Path file = args.length > 0 ? Path.of(args[0]) : null;
    ProcessorSettings settings = SettingsLayers.load(file, System.getenv());
    LOGGER.info("Starting with {}", settings);
    KafkaStreams streams = start(settings, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop(streams, settings);
                  stopped.countDown();
                },
                "tokenmeter-processor-shutdown"));
    stopped.await();
  }

  /**
   * Builds and starts the topology and, unless {@code tokenmeter.api.port} is -1, the HTTP API; the
   * caller owns the returned instance and must close it with {@link #stop}.
   */
  public static KafkaStreams start(ProcessorSettings settings, Clock clock) {
    // Read first: a bad API setting fails before anything starts.
    ApiSettings apiSettings = ApiSettings.from(settings.all());
    Topology topology = CostTopology.build(settings, new PriceCatalog(), clock);
    LOGGER.debug("Topology:\n{}", topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, settings.streamsProperties());
    CrashMarker marker = crashMarker(settings);
    if (marker.killedRunLeftTaskCheckpoint()) {
      // State of a run killed under Kafka Streams 4.1 (KAFKA-20685, see CrashMarker): 4.3 would
      // trust its checkpoint and keep local writes of the killed run's aborted transactions.
      LOGGER.warn("A killed pre-4.3 run left a task checkpoint; rebuilding local state");
      streams.cleanUp();
    } else if (marker.previousRunCrashed()) {
      LOGGER.info(
          "The previous run did not stop cleanly; Kafka Streams restores any store it wrote");
    }
    marker.markRunning();
    // A failed thread (e.g. the registry was unreachable) is replaced so processing resumes from
    // the last committed transaction; poison records never get here, they become dead letters.
    streams.setUncaughtExceptionHandler(
        e -> {
          LOGGER.error("Stream thread failed; replacing it", e);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    if (apiSettings.enabled()) {
      APIS.put(streams, ProcessorApi.start(streams, settings, apiSettings, clock));
    }
    streams.start();
    return streams;
  }

  /** The API started with {@code streams}, if any (e.g. to learn the port picked for port 0). */
  public static Optional<ProcessorApi> api(KafkaStreams streams) {
    return Optional.ofNullable(APIS.get(streams));
  }

  private static CrashMarker crashMarker(ProcessorSettings settings) {
    String stateDir =
        settings
            .streamsProperties()
            .getProperty(
                StreamsConfig.STATE_DIR_CONFIG,
                (String)
                    StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG));
    return new CrashMarker(Path.of(stateDir), settings.applicationId());
  }

  /** Closes within the configured timeout; never wipes local state. */
  public static void stop(KafkaStreams streams, ProcessorSettings settings) {
    ProcessorApi api = APIS.remove(streams);
    if (api != null) {
      api.close();
    }
    boolean clean = streams.close(settings.shutdownTimeout());
    if (clean) {
      crashMarker(settings).markStopped();
    } else {
      LOGGER.warn(
          "Kafka Streams did not stop within {}; the next start rebuilds local state",
          settings.shutdownTimeout());
    }
  }
}
