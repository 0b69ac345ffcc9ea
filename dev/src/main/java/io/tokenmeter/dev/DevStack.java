package io.tokenmeter.dev;

import io.tokenmeter.dev.demo.DemoPublisher;
import io.tokenmeter.dev.demo.DemoTraffic;
import io.tokenmeter.dev.kafka.DevTopics;
import io.tokenmeter.devregistry.DevRegistry;
import io.tokenmeter.devregistry.DevRegistryConfig;
import io.tokenmeter.embedded.clickhouse.EmbeddedClickHouse;
import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sink.ClickHouseSink;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in this process. Starts ClickHouse first (chdb replaces signal handlers, so it
 * must load before other threads are busy), then Kafka and the registry, topics and reference data,
 * the processor, the sink and the demo. {@link #close()} stops them in the reverse order of data
 * flow, each bounded, and keeps every byte of data.
 */
public final class DevStack implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(DevStack.class);

  static final int STEPS = 7;
  private final DevOptions options;
  private EmbeddedClickHouse clickHouse;
  private EmbeddedKafka kafka;
  private DevRegistry registry;
  private KafkaStreams processor;
  private ProcessorSettings processorSettings;
  private ClickHouseSink sink;
  private DemoPublisher demo;
  private ReferenceData.Loaded referenceData;
  private int apiPort;
  private String apiToken;

  private DevStack(DevOptions options) {
    this.options = options;
  }

  /** Starts everything, printing one progress line per step; on failure stops what started. */
  public static DevStack start(DevOptions options, Clock clock, PrintStream out) throws Exception {
    PortCheck.requireFree(options.clickHousePort(), "ClickHouse", DevArguments.CLICKHOUSE_PORT);
    PortCheck.requireFree(options.kafkaPort(), "Kafka", DevArguments.KAFKA_PORT);
    PortCheck.requireFree(
        options.registryPort(), "the schema registry", DevArguments.REGISTRY_PORT);
    PortCheck.requireFree(options.apiPort(), "the spend API", DevArguments.API_PORT);
    DevStack stack = new DevStack(options);
    try {
      stack.startAll(clock, new Progress(out, STEPS));
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(Clock clock, Progress progress) throws Exception {
    Path dir = options.dataDir();
    Files.createDirectories(dir);
    Instant begin = Instant.now();
    clickHouse =
        EmbeddedClickHouse.builder()
            .dataDirectory(dir.resolve("clickhouse"))
            .port(options.clickHousePort())
            .build()
            .start();
    progress.done("ClickHouse ready at " + clickHouse.httpUrl(), since(begin));

    begin = Instant.now();
    kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).port(options.kafkaPort()).build();
    kafka.start();
    progress.done("Kafka ready at " + kafka.bootstrapServers(), since(begin));

    begin = Instant.now();
    registry =
        DevRegistry.start(
            DevRegistryConfig.builder()
                .dataDir(dir.resolve("registry"))
                .port(options.registryPort())
                .build());
    progress.done("Schema registry ready at " + registry.url(), since(begin));

    begin = Instant.now();
    DevTopics.create(kafka);
    referenceData = ReferenceData.load(kafka.bootstrapServers(), registry.url(), clock);
    progress.done(
        String.format(
            Locale.ROOT,
            "Topics ready; prices: %d published, %d already there; sample budgets: %d published",
            referenceData.pricesPublished(),
            referenceData.pricesPresent(),
            referenceData.budgetsPublished()),
        since(begin));

    begin = Instant.now();
    apiPort = options.apiPort() == 0 ? PortCheck.anyFreePort() : options.apiPort();
    apiToken = ApiToken.generate();
    processorSettings =
        PipelineSettings.processor(
            kafka.bootstrapServers(), registry.url(), apiPort, apiToken, dir.resolve("streams"));
    processor = Main.start(processorSettings, clock);
    progress.done("Stream processor started", since(begin));

    begin = Instant.now();
    sink =
        ClickHouseSink.start(
            PipelineSettings.sink(kafka.bootstrapServers(), registry.url(), clickHouse.jdbcUrl()),
            clock);
    progress.done("Sink started (ClickHouse tables migrated)", since(begin));

    begin = Instant.now();
    if (options.demo()) {
      UsageClient client =
          UsageClient.builder()
              .bootstrapServers(kafka.bootstrapServers())
              .registryUrl(registry.url())
              .clock(clock)
              .build();
      String runId = Long.toString(clock.millis(), Character.MAX_RADIX);
      demo =
          new DemoPublisher(
                  client,
                  new DemoTraffic(clock, runId),
                  options.demoRate(),
                  options.demoEventLimit())
              .start();
      progress.done("Demo traffic at " + options.demoRate() + " events/s", since(begin));
    } else {
      progress.done("No demo (--no-demo): publish your own usage to " + Topics.USAGE, since(begin));
    }
  }

  public Endpoints endpoints() {
    return new Endpoints(
        kafka.bootstrapServers(),
        registry.url(),
        clickHouse.jdbcUrl(),
        clickHouse.httpUrl(),
        "http://127.0.0.1:" + apiPort + "/v1/",
        apiToken);
  }

  /** The running demo, or null with {@code --no-demo}. */
  public DemoPublisher demo() {
    return demo;
  }

  public ReferenceData.Loaded referenceData() {
    return referenceData;
  }

  /** Stops demo, processor, sink, registry, Kafka, ClickHouse; each step bounded, data kept. */
  @Override
  public void close() {
    if (demo != null) {
      stopQuietly("demo", demo::close);
    }
    if (processor != null) {
      stopQuietly("stream processor", this::stopProcessor);
    }
    if (sink != null) {
      stopQuietly("sink", sink::close);
    }
    if (registry != null) {
      stopQuietly("schema registry", registry::close);
    }
    if (kafka != null) {
      stopQuietly("Kafka", kafka::close);
    }
    if (clickHouse != null) {
      stopQuietly("ClickHouse", clickHouse::close);
    }
  }

  /**
   * Like the processor's own stop, but also leaves the consumer group: Kafka Streams does not by
   * default, so a {@code dev} restarted at once would wait a whole session timeout (45 s) before
   * its tasks were assigned.
   */
  private void stopProcessor() {
    boolean clean =
        processor.close(
            new KafkaStreams.CloseOptions()
                .timeout(processorSettings.shutdownTimeout())
                .leaveGroup(true));
    if (!clean) {
      LOGGER.warn(
          "Stream processor did not stop within {}; its state is intact",
          PipelineSettings.PROCESSOR_SHUTDOWN);
    }
    // Then the processor's own stop: it closes the spend API and records the clean stop (the
    // streams instance is already closed, so its close returns at once).
    Main.stop(processor, processorSettings);
  }

  private static void stopQuietly(String what, Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException | LinkageError e) {
      // Keep going: one component failing to stop must not leave the later ones running. Above
      // all ClickHouse: exiting the JVM with the chdb engine still open crashes in its destructors.
      // LinkageError: a jar rebuilt under a long-running dev fails class loading only here.
      LOGGER.warn("Stopping {} failed: {}", what, e.toString());
    }
  }

  private static Duration since(Instant begin) {
    return Duration.between(begin, Instant.now());
  }
}
