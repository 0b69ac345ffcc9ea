package io.tokenmeter.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowedAggregate;
import io.tokenmeter.testenv.CommittedOffsets;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the processor (a child JVM, SIGKILL) in the middle of a stream and restarts it on the same
 * state: priced usage, each budget alert and the aggregates must come out exactly once.
 *
 * <p>Past failures and their causes (see the README, "Crash recovery"): runs stalled or lost
 * records because the test's topics kept the events' months-old timestamps and retention deleted
 * them ({@link TestTopics} now creates them like production); local state written by an aborted
 * transaction survived the kill because Kafka Streams 4.1 left a task checkpoint file behind under
 * exactly_once_v2 (KAFKA-20685). Kafka Streams 4.3 leaves none, so it wipes and restores the stores
 * the killed run wrote; the test checks that no task checkpoint is left, which is what lets the
 * processor keep local state after a kill (see {@code CrashMarker}).
 */
@WithTokenmeterStack
class CrashRecoveryIT {
  private static final Logger LOGGER = LoggerFactory.getLogger(CrashRecoveryIT.class);
  private static final int EVENTS = 1000;
  private static final Instant START = Instant.parse("2026-01-20T10:00:00Z");

  @TempDir Path dir;
  private StackEndpoints stack;
  private StackClients clients;
  private ProcessorSettings settings;

  @Test
  void shouldEmitEverythingExactlyOnceAcrossAKill(StackEndpoints stack) throws Exception {
    this.stack = stack;
    this.clients = new StackClients(stack);
    long began = System.nanoTime();
    Path file = writeSettings();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      TestTopics.create(admin, settings, 1);
    }
    publishPriceAndBudget();

    produce(0, EVENTS / 2);
    Process first = startChild(file, "first");
    try (var reader = clients.consumer(settings.pricedUsageTopic(), PricedUsage.class);
        var aggregates = clients.consumer(settings.aggregatesTopic(), WindowedAggregate.class)) {
      Poll.until(reader, read -> read.size() >= EVENTS / 8, Duration.ofSeconds(120));
      // Killed only once the aggregating task has committed, so the restart must restore its
      // stores from changelogs rather than start them empty.
      Poll.until(aggregates, read -> !read.isEmpty(), Duration.ofSeconds(180));
    } finally {
      first.destroyForcibly().waitFor();
    }
    LOGGER.info("Killed the first processor after {} ms", millisSince(began));
    assertThat(logCheckpointFiles()).as("task checkpoint files left by the killed run").isZero();
    produce(EVENTS / 2, EVENTS);
    Process second = startChild(file, "second");
    try {
      assertPricedExactlyOnce();
      LOGGER.info("Every event priced once after {} ms", millisSince(began));
      assertAlertsExactlyOnce();
      assertAggregatesMatch();
    } finally {
      second.destroy();
      second.waitFor();
    }
    LOGGER.info("Crash recovery checked in {} ms", millisSince(began));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /**
   * Under exactly_once_v2 a task's checkpoint file must not exist while it runs, or a killed
   * instance keeps local writes of aborted transactions. Kafka Streams 4.1 left one (KAFKA-20685);
   * 4.3 keeps offsets inside its stores. Returns how many task (not global) checkpoints it found.
   */
  private long logCheckpointFiles() throws IOException {
    try (var files = Files.walk(dir.resolve("state"))) {
      List<Path> checkpoints =
          files.filter(p -> p.getFileName().toString().equals(".checkpoint")).toList();
      for (Path checkpoint : checkpoints) {
        LOGGER.info(
            "Checkpoint left by the killed run: {} = {}",
            dir.relativize(checkpoint),
            Files.readString(checkpoint).replace('\n', ' '));
      }
      LOGGER.info("{} checkpoint file(s) left by the killed run", checkpoints.size());
      return checkpoints.stream()
          .filter(p -> !p.getParent().getFileName().toString().equals("global"))
          .count();
    }
  }

  private void publishPriceAndBudget() {
    ModelPrice price = TestPrices.gpt4o();
    BudgetDefinition budget = TestBudgets.daily("t0", TestBudgets.tenant("tenant-0"), "2").build();
    try (var prices = clients.producer(clients.serde(ModelPrice.class));
        var budgets = clients.producer(clients.serde(BudgetDefinition.class))) {
      prices.send(new ProducerRecord<>(settings.pricesTopic(), price.getPriceVersionId(), price));
      budgets.send(new ProducerRecord<>(settings.budgetsTopic(), budget.getBudgetId(), budget));
    }
  }

  /** Every event costs exactly $0.0045; tenant-0 gets half of them: $4.50 against $2. */
  private void produce(int from, int to) {
    var serializer = clients.serde(UsageEvent.class).serializer();
    try (var usage =
        new KafkaProducer<>(
            clients.producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = from; i < to; i++) {
        Instant time = START.plusMillis(i * 10L);
        String tenant = "tenant-" + (i % 2);
        UsageEvent event = TestEvents.event("evt-" + i, tenant, time).setModel("gpt-4o").build();
        usage.send(
            new ProducerRecord<>(
                settings.usageTopic(),
                null,
                time.toEpochMilli(),
                tenant.getBytes(StandardCharsets.UTF_8),
                serializer.serialize(settings.usageTopic(), event)));
      }
    }
  }

  private void assertPricedExactlyOnce() throws Exception {
    // Input committed to its end = every priced record of it committed (one transaction).
    CommittedOffsets.awaitAtEnd(
        stack.kafkaBootstrapServers(),
        settings.applicationId(),
        settings.usageTopic(),
        Duration.ofSeconds(180));
    try (var reader = clients.consumer(settings.pricedUsageTopic(), PricedUsage.class)) {
      List<ConsumerRecord<String, PricedUsage>> priced =
          ReadToEnd.all(reader, Duration.ofSeconds(60));
      List<String> ids = priced.stream().map(r -> r.value().getEvent().getEventId()).toList();
      assertThat(ids.size()).as("priced records").isEqualTo(EVENTS);
      assertThat(ids.stream().distinct().count()).as("distinct priced events").isEqualTo(EVENTS);
    }
  }

  private void assertAlertsExactlyOnce() {
    try (var reader = clients.consumer(settings.budgetAlertsTopic(), BudgetAlert.class)) {
      List<ConsumerRecord<String, BudgetAlert>> alerts =
          Poll.until(reader, read -> read.size() >= 3, Duration.ofSeconds(180));
      reader.poll(Duration.ofSeconds(3)).forEach(alerts::add);
      assertThat(alerts)
          .extracting(r -> r.value().getAlertId())
          .containsExactly(
              "t0/2026-01-20T00:00:00Z/THRESHOLD/50/defined/2020-01-01T00:00:00Z",
              "t0/2026-01-20T00:00:00Z/THRESHOLD/80/defined/2020-01-01T00:00:00Z",
              "t0/2026-01-20T00:00:00Z/THRESHOLD/100/defined/2020-01-01T00:00:00Z");
    }
  }

  private void assertAggregatesMatch() {
    Map<String, WindowedAggregate> latest;
    try (var reader = clients.consumer(settings.aggregatesTopic(), WindowedAggregate.class)) {
      latest = LatestDayTotals.byTenant(reader, EVENTS, Duration.ofSeconds(180));
    }
    BigDecimal perTenant = TestEvents.money("0.0045").multiply(BigDecimal.valueOf(EVENTS / 2));
    assertThat(latest.keySet()).containsExactlyInAnyOrder("tenant-0", "tenant-1");
    latest
        .values()
        .forEach(
            a -> {
              assertThat(a.getEventCount()).isEqualTo(EVENTS / 2);
              assertThat(a.getTotalCost()).isEqualByComparingTo(perTenant);
            });
  }

  private Path writeSettings() throws IOException {
    Map<String, String> values = new HashMap<>(TestTopics.names("." + UUID.randomUUID()));
    values.put(ProcessorSettings.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
    values.put(ProcessorSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    values.put(ProcessorSettings.APPLICATION_ID, "crash-" + UUID.randomUUID());
    values.put("state.dir", dir.resolve("state").toString());
    values.put("replication.factor", "1");
    values.put("commit.interval.ms", "100");
    // The killed member must leave the group quickly for the restart to get its partitions.
    values.put("session.timeout.ms", "6000");
    values.put("num.stream.threads", "1");
    values.put(ApiSettings.PORT, "-1");
    settings = ProcessorSettings.fromMap(values);
    Properties properties = new Properties();
    properties.putAll(values);
    Path file = dir.resolve("processor.properties");
    try (var writer = Files.newBufferedWriter(file)) {
      properties.store(writer, "crash test");
    }
    return file;
  }

  private Process startChild(Path settings, String name) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(io.tokenmeter.processor.Main.class.getName());
    command.add(settings.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logDirectory().resolve("crash-child-" + name + ".log").toFile())
        .start();
  }

  /** Child logs outlive the test's temporary directory, to diagnose a failure. */
  private static Path logDirectory() throws IOException {
    return Files.createDirectories(Path.of("target", "crash-logs"));
  }
}
