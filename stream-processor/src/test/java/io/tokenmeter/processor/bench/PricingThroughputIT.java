package io.tokenmeter.processor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.enrich.LiveCatalog;
import io.tokenmeter.processor.topology.DecodeStage;
import io.tokenmeter.processor.topology.EnrichmentStage;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.processor.topology.TopologySerdes;
import io.tokenmeter.registry.MockSchemaRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in measurement ({@code -Dtokenmeter.bench=true}), three figures from ONE run on the same
 * input topic: Kafka's ConsumerPerformance (the ceiling), the enrichment path alone (decode,
 * validate, price, priced topic), and the whole processor (plus 3 window sizes x 3 dimensions,
 * month totals and budgets), each on one stream thread with exactly_once_v2.
 *
 * <p>Rates are steady-state: from the application's first commit to the commit of its last input
 * (start-up and group join excluded; the start-up-inclusive time is printed too). Extra Kafka
 * Streams properties for experiments: {@code -Dtokenmeter.bench.props=commit.interval.ms=500,...}.
 */
@EnabledIfSystemProperty(named = "tokenmeter.bench", matches = "true")
class PricingThroughputIT {
  private static final Logger LOGGER = LoggerFactory.getLogger(PricingThroughputIT.class);
  private static final int EVENTS = Integer.getInteger("tokenmeter.bench.events", 50_000);
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final String SCOPE = "bench-" + UUID.randomUUID();
  private static final String ENRICH_PRICED = "bench.enrich.priced";
  private static final String ENRICH_UNPRICED = "bench.enrich.unpriced";
  private static final String ENRICH_DEAD = "bench.enrich.dead-letters";

  @TempDir Path dir;

  @Test
  void shouldMeasureConsumerEnrichmentAndWholeProcessorInOneRun() throws Exception {
    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start()) {
      List<String> topics = new ArrayList<>(Topics.all());
      topics.addAll(List.of(ENRICH_PRICED, ENRICH_UNPRICED, ENRICH_DEAD));
      // The events are dated January 2026: without retention.ms=-1 the broker's time retention
      // would delete them (and the priced records carrying their time) during the run.
      kafka.createTopics(
          topics.stream()
              .map(
                  name ->
                      new NewTopic(name, 1, (short) 1)
                          .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))
              .toList());
      Map<String, String> registry =
          Map.of(ProcessorSettings.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
      BenchInput.write(kafka.bootstrapServers(), registry, EVENTS);

      double consumer =
          ConsumerBaseline.recordsPerSecond(kafka.bootstrapServers(), Topics.USAGE, EVENTS);
      Result enrich = enrichmentOnly(kafka, registry);
      Result whole = wholeProcessor(kafka, registry);

      String report =
          String.format(
              Locale.ROOT,
              "BENCH events=%d extra-props=[%s]%n"
                  + "  kafka ConsumerPerformance, usage topic : %,.0f records/s%n"
                  + "  enrichment only, 1 thread, EOS v2      : %,.0f events/s (%.1f s incl. start-up),"
                  + " stream thread CPU %.1f us/event%n"
                  + "  whole processor, 1 thread, EOS v2      : %,.0f events/s (%.1f s incl. start-up),"
                  + " stream thread CPU %.1f us/event%n"
                  + "  load average at the end: %.1f%n",
              EVENTS,
              System.getProperty("tokenmeter.bench.props", ""),
              consumer,
              enrich.eventsPerSecond(),
              enrich.totalSeconds(),
              enrich.cpuMicrosPerEvent(),
              whole.eventsPerSecond(),
              whole.totalSeconds(),
              whole.cpuMicrosPerEvent(),
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      LOGGER.info("\n{}", report);
      Path out = Path.of("target", "processor-benchmark.txt");
      Files.writeString(
          out,
          report,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } finally {
      MockSchemaRegistry.dropScope(SCOPE);
    }
  }

  record Result(double eventsPerSecond, double totalSeconds, double cpuMicrosPerEvent) {
    static Result of(CommitProgress.Run run, long begin) {
      return new Result(
          run.eventsPerSecond(EVENTS),
          (run.doneNanos() - begin) / 1e9,
          run.cpuMicrosPerEvent(EVENTS));
    }
  }

  private Result enrichmentOnly(EmbeddedKafka kafka, Map<String, String> registry)
      throws Exception {
    Map<String, String> values = common(kafka, registry, "bench-enrich-");
    values.put(ProcessorSettings.TOPIC_PRICED_USAGE, ENRICH_PRICED);
    values.put(ProcessorSettings.TOPIC_UNPRICED_USAGE, ENRICH_UNPRICED);
    values.put(ProcessorSettings.TOPIC_DEAD_LETTERS, ENRICH_DEAD);
    ProcessorSettings settings = ProcessorSettings.fromMap(values);
    StreamsBuilder builder = new StreamsBuilder();
    TopologySerdes serdes = TopologySerdes.from(settings);
    Clock clock = Clock.systemUTC();
    KStream<byte[], DecodedUsage> decoded = DecodeStage.attach(builder, settings, serdes, clock);
    EnrichmentStage.attach(
        builder, decoded, settings, serdes, new LiveCatalog(new PriceCatalog()), clock);
    long begin = System.nanoTime();
    KafkaStreams streams = new KafkaStreams(builder.build(), settings.streamsProperties());
    streams.start();
    try (var progress = new CommitProgress(kafka.bootstrapServers(), settings.applicationId())) {
      CommitProgress.Run run = progress.await(List.of(Topics.USAGE), List.of(), TIMEOUT);
      assertThat(OutputCount.committed(kafka.bootstrapServers(), ENRICH_PRICED, EVENTS))
          .isEqualTo(EVENTS);
      return Result.of(run, begin);
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }

  private Result wholeProcessor(EmbeddedKafka kafka, Map<String, String> registry)
      throws Exception {
    ProcessorSettings settings = ProcessorSettings.fromMap(common(kafka, registry, "bench-all-"));
    long begin = System.nanoTime();
    KafkaStreams streams = Main.start(settings, Clock.systemUTC());
    try (var progress = new CommitProgress(kafka.bootstrapServers(), settings.applicationId())) {
      CommitProgress.Run run =
          progress.await(List.of(Topics.USAGE), List.of(Topics.PRICED_USAGE), TIMEOUT);
      String bootstrap = kafka.bootstrapServers();
      assertThat(OutputCount.committed(bootstrap, Topics.PRICED_USAGE, EVENTS)).isEqualTo(EVENTS);
      // $0.0045 an event against a $1 daily limit: every tenant crosses 50, 80 and 100 %.
      assertThat(OutputCount.committed(bootstrap, Topics.BUDGET_ALERTS, 3L * BenchInput.TENANTS))
          .isEqualTo(3L * BenchInput.TENANTS);
      return Result.of(run, begin);
    } finally {
      Main.stop(streams, settings);
    }
  }

  private Map<String, String> common(
      EmbeddedKafka kafka, Map<String, String> registry, String applicationPrefix) {
    Map<String, String> values = new HashMap<>(registry);
    values.put(ProcessorSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    values.put(ProcessorSettings.APPLICATION_ID, applicationPrefix + UUID.randomUUID());
    values.put("state.dir", dir.resolve("state").toString());
    values.put("replication.factor", "1");
    values.put("num.stream.threads", "1");
    values.put(ApiSettings.PORT, "-1");
    String extra = System.getProperty("tokenmeter.bench.props", "");
    for (String pair : extra.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return values;
  }
}
