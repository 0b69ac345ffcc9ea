package io.tokenmeter.processor;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.config.SettingsLayers;
import io.tokenmeter.processor.topology.CostTopology;
import java.nio.file.Path;
import java.time.Clock;
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
 * restart resumes from it instead of rebuilding every store from the changelogs. Only after a run
 * that did not stop cleanly is local state wiped first (see {@link CrashMarker}).
 */
public final class Main {
  private static final Logger LOGGER = LoggerFactory.getLogger(Main.class);

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

  /** Builds and starts the topology; the caller owns the returned instance and must close it. */
  public static KafkaStreams start(ProcessorSettings settings, Clock clock) {
    Topology topology = CostTopology.build(settings, new PriceCatalog(), clock);
    LOGGER.debug("Topology:\n{}", topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, settings.streamsProperties());
    CrashMarker marker = crashMarker(settings);
    if (marker.previousRunCrashed()) {
      LOGGER.warn("The previous run did not stop cleanly; rebuilding local state from changelogs");
      streams.cleanUp();
    }
    marker.markRunning();
    // A failed thread (e.g. the registry was unreachable) is replaced so processing resumes from
    // the last committed transaction; poison records never get here, they become dead letters.
    streams.setUncaughtExceptionHandler(
        e -> {
          LOGGER.error("Stream thread failed; replacing it", e);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.start();
    return streams;
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
