package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.sink.ClickHouseSink;
import io.tokenmeter.sink.config.SinkSettingsLoader;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-stack benchmark (opt-in: {@code -Dtokenmeter.bench=true}): the embedded stack, the
 * stream processor and the sink as {@code ./tokenmeter dev} runs them (their default settings, in
 * one JVM), and the SDK publishing at {@link BenchSettings#rate()} for {@link
 * BenchSettings#duration()}. Then it waits for the backlog to drain, prints {@link BenchReport} and
 * checks zero loss: every event in ClickHouse once, each tenant's spend exact, every budget alert
 * that must fire on the topic once and in ClickHouse.
 */
@WithTokenmeterStack
@EnabledIfSystemProperty(named = "tokenmeter.bench", matches = "true")
class WholeStackBenchIT {

  /** Alert rows trail the alerts topic by a sink batch; this bounds the wait for them. */
  private static final Duration ALERT_ROWS_WAIT = Duration.ofSeconds(120);

  @TempDir Path stateDir;

  @Test
  void shouldSustainTheOfferedRateWithZeroLoss(StackEndpoints stack) throws Exception {
    BenchSettings settings = BenchSettings.from(System.getProperties());
    Clock clock = Clock.systemUTC();
    PipelineConfig config = new PipelineConfig(stack, stateDir);
    config.createTopics();
    ProcessorSettings processorSettings = ProcessorSettings.fromMap(benchProcessorValues(config));
    KafkaIo kafka = new KafkaIo(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
    TestCatalog catalog = new TestCatalog(Workload.firstTenant(config.tenantPrefix()));
    var prices = new ArrayList<>(catalog.initial());
    prices.addAll(catalog.late());
    kafka.publishPrices(processorSettings.pricesTopic(), prices);
    BenchWorkload workload =
        new BenchWorkload(
            catalog.complete(),
            config.tenantPrefix(),
            "bench-" + config.run() + "-",
            clock.instant());
    BigDecimal plannedPerTenant =
        workload
            .meanCost()
            .multiply(BigDecimal.valueOf(settings.plannedEvents()))
            .divide(BigDecimal.valueOf(Workload.TENANTS));
    BenchBudgets budgets =
        new BenchBudgets(config.tenantPrefix(), plannedPerTenant, clock.instant());
    kafka.publish(
        processorSettings.budgetsTopic(),
        budgets.definitions(),
        BudgetDefinition::getBudgetId,
        BudgetDefinition.class);

    KafkaStreams processor = Main.start(processorSettings, clock);
    try (ClickHouseSink sink =
            ClickHouseSink.start(SinkSettingsLoader.load(benchSinkValues(config), Map.of()));
        AlertWatcher alerts =
            new AlertWatcher(
                stack.kafkaBootstrapServers(),
                stack.schemaRegistryUrl(),
                processorSettings.budgetAlertsTopic(),
                clock);
        RowSampler sampler = new RowSampler(stack.clickHouseJdbcUrl(), config.tenantPrefix());
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl());
        UsageClient client =
            UsageClient.builder()
                .bootstrapServers(stack.kafkaBootstrapServers())
                .registryUrl(stack.schemaRegistryUrl())
                .topic(processorSettings.usageTopic())
                .build()) {
      PacedPublisher publisher = new PacedPublisher(client, workload, clock);
      publisher.run(settings.rate(), settings.duration());
      long rowsWhenPublishingEnded = sampler.latest();
      Map<String, BigDecimal> expectedSpend = workload.expectedByTenant();
      long expectedAlerts = budgets.expectedAlerts(expectedSpend);
      // Budget alerts come from a later stage of the topology than priced usage and can trail it
      // by minutes under load: the drain is over when both are complete.
      long drainStart = System.nanoTime();
      boolean drained =
          Poll.within(settings.drainLimit(), () -> sampler.latest() >= publisher.sent());
      Duration drainLeft = settings.drainLimit().minusNanos(System.nanoTime() - drainStart);
      boolean alertsIn =
          drained
              && Poll.within(
                  drainLeft.isNegative() ? Duration.ZERO : drainLeft,
                  () -> alerts.records() >= expectedAlerts);
      BenchReport report =
          new BenchReport(settings, publisher, sampler, alerts, reads, config.tenantPrefix());
      report.print(rowsWhenPublishingEnded, expectedAlerts, drained);

      assertThat(publisher.firstFailure()).as("a publish failed").isNull();
      assertThat(publisher.acked()).as("events acknowledged").isEqualTo(publisher.sent());
      assertThat(drained)
          .as(
              "ClickHouse held %d of %d rows after the drain limit %s",
              sampler.latest(), publisher.sent(), settings.drainLimit())
          .isTrue();
      new BenchLossCheck(reads, config.tenantPrefix())
          .assertZeroLoss(publisher.sent(), expectedSpend);
      assertThat(alertsIn)
          .as(
              "%d alerts expected within the drain limit %s, %d read",
              expectedAlerts, settings.drainLimit(), alerts.records())
          .isTrue();
      assertThat(alerts.copiesByAlertId()).as("distinct alerts").hasSize((int) expectedAlerts);
      assertThat(alerts.copiesByAlertId().values()).as("copies per alert").containsOnly(1);
      Poll.until(
          ALERT_ROWS_WAIT,
          expectedAlerts + " alerts in ClickHouse",
          () -> BenchLossCheck.alertRows(reads, config.tenantPrefix()) >= expectedAlerts);
      assertThat(BenchLossCheck.alertRows(reads, config.tenantPrefix()))
          .as("alert rows in ClickHouse")
          .isEqualTo(expectedAlerts);
      assertThat(sink.isRunning()).as("the sink is still running").isTrue();
    } finally {
      Main.stop(processor, processorSettings);
    }
  }

  /** System properties with this prefix set processor keys, e.g. {@code num.stream.threads}. */
  static final String PROCESSOR_PROPERTY_PREFIX = "tokenmeter.bench.processor.";

  /**
   * The processor's defaults (as {@code dev}), on this run's topics, API on a free port, and any
   * {@code -Dtokenmeter.bench.processor.<key>=<value>} of the run.
   */
  private static Map<String, String> benchProcessorValues(PipelineConfig config) {
    Map<String, String> values = config.processorValues();
    values.remove("commit.interval.ms");
    values.remove(ProcessorSettings.UNPRICED_RETRY_INTERVAL);
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith(PROCESSOR_PROPERTY_PREFIX)) {
                values.put(
                    name.substring(PROCESSOR_PROPERTY_PREFIX.length()), System.getProperty(name));
              }
            });
    return values;
  }

  /** The sink's default batching (as {@code dev}), on this run's topics. */
  private static Map<String, String> benchSinkValues(PipelineConfig config) {
    Map<String, String> values = config.sinkValues();
    values.remove(SinkSettingsLoader.BATCH_MAX_ROWS);
    values.remove(SinkSettingsLoader.BATCH_MAX_WAIT_MS);
    values.remove(SinkSettingsLoader.BACKOFF_MAX_MS);
    return values;
  }
}
