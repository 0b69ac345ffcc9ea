package io.tokenmeter.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in measurement ({@code -Dtokenmeter.bench=true}): budget alert latency, from the moment a
 * usage event is handed to the producer to the moment its alert is readable (read_committed) on the
 * alerts topic, at a steady rate, through the whole processor (decode, price, priced topic,
 * aggregates, budgets) with exactly_once_v2 and its default 100 ms commit interval.
 *
 * <p>Thresholds are crossed again and again: every tenant has a daily budget of $0.045 (ten events
 * of $0.0045) and its events move to the next event-time day after every ten, so each tenant-day
 * fires 50 % (5th event), 80 % (8th) and 100 % (10th). The alert names its triggering event, which
 * gives the send time. Alerts triggered during the first seconds (start-up) are left out.
 */
@EnabledIfSystemProperty(named = "tokenmeter.bench", matches = "true")
@WithTokenmeterStack
class AlertLatencyIT {
  private static final Logger LOGGER = LoggerFactory.getLogger(AlertLatencyIT.class);
  private static final int RATE = Integer.getInteger("tokenmeter.bench.rate", 200);
  private static final int SECONDS = Integer.getInteger("tokenmeter.bench.seconds", 30);
  private static final int WARM_UP_SECONDS = 3;
  private static final int TENANTS = 20;
  private static final int EVENTS_PER_DAY = 10;
  private static final Instant FIRST_DAY = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  private StackEndpoints stack;
  private StackClients clients;
  private ProcessorSettings settings;

  @Test
  void shouldMeasureAlertLatencyAtASteadyRate(StackEndpoints stack) throws Exception {
    this.stack = stack;
    this.clients = new StackClients(stack);
    settings = settings();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      TestTopics.create(admin, settings, 1);
    }
    publishPriceAndBudgets();
    KafkaStreams streams = Main.start(settings, Clock.systemUTC());
    Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    List<Long> latenciesMs = new ArrayList<>();
    List<Long> secondHalfMs = new ArrayList<>();
    Set<String> alertIds = new HashSet<>();
    // Whole tenant-days only, so the expected alert count is exact: 3 per tenant-day.
    int events = RATE * SECONDS / (TENANTS * EVENTS_PER_DAY) * (TENANTS * EVENTS_PER_DAY);
    long expectedAlerts = (long) events / EVENTS_PER_DAY * 3;
    try (var alerts =
        clients.consumer(
            settings.budgetAlertsTopic(),
            BudgetAlert.class,
            Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"))) {
      Poll.until(
          alerts,
          read -> streams.state() == KafkaStreams.State.RUNNING && !alerts.assignment().isEmpty(),
          Duration.ofMinutes(2));
      long begin = System.nanoTime();
      Thread producer = Thread.ofPlatform().start(() -> produceSteadily(events, begin, sentNanos));
      long warmUpEnd = begin + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
      long halfway = begin + Duration.ofSeconds(SECONDS).toNanos() / 2;
      long deadline = begin + Duration.ofSeconds(SECONDS + 60L).toNanos();
      int received = 0;
      while (received < expectedAlerts && System.nanoTime() < deadline) {
        var batch = alerts.poll(Duration.ofMillis(20));
        long now = System.nanoTime();
        for (var record : batch) {
          received++;
          alertIds.add(record.value().getAlertId());
          Long sent = sentNanos.get(record.value().getTriggeringEventId());
          if (sent != null && sent >= warmUpEnd) {
            latenciesMs.add((now - sent) / 1_000_000);
          }
          if (sent != null && sent >= halfway) {
            secondHalfMs.add((now - sent) / 1_000_000);
          }
        }
      }
      producer.join();
      report(events, received, latenciesMs, secondHalfMs);
      assertThat(received).as("alerts").isEqualTo(expectedAlerts);
      assertThat(alertIds).as("distinct alerts").hasSize(received);
    } finally {
      Main.stop(streams, settings);
    }
  }

  private static void report(
      int events, int alerts, List<Long> latenciesMs, List<Long> secondHalfMs) {
    List<Long> sorted = latenciesMs.stream().sorted().toList();
    List<Long> secondHalf = secondHalfMs.stream().sorted().toList();
    LOGGER.info(
        "BENCH alert latency (event produced -> alert readable, read_committed): rate {}/s for {} s"
            + " ({} events), {} alerts, {} measured after {} s warm-up: p50 {} ms, p90 {} ms, p99 {}"
            + " ms, max {} ms; second half only: p50 {} ms, p99 {} ms; load average {}",
        RATE,
        SECONDS,
        events,
        alerts,
        sorted.size(),
        WARM_UP_SECONDS,
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 99),
        sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1),
        percentile(secondHalf, 50),
        percentile(secondHalf, 99),
        loadAverage());
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, rank));
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Sends event i at begin + i / RATE, recording when each was handed to the producer. */
  private void produceSteadily(int events, long begin, Map<String, Long> sentNanos) {
    var serializer = clients.serde(UsageEvent.class).serializer();
    Properties props = clients.producerProps();
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    try (var usage =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < events; i++) {
        long due = begin + i * 1_000_000_000L / RATE;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        int tenantIndex = i % TENANTS;
        int perTenant = i / TENANTS;
        String tenant = "tenant-" + tenantIndex;
        Instant time =
            FIRST_DAY
                .plus(Duration.ofDays(perTenant / EVENTS_PER_DAY))
                .plusSeconds(perTenant % EVENTS_PER_DAY);
        String id = "evt-" + i;
        UsageEvent event = TestEvents.event(id, tenant, time).setModel("gpt-4o").build();
        byte[] value = serializer.serialize(settings.usageTopic(), event);
        sentNanos.put(id, System.nanoTime());
        usage.send(
            new ProducerRecord<>(
                settings.usageTopic(),
                null,
                time.toEpochMilli(),
                tenant.getBytes(StandardCharsets.UTF_8),
                value));
      }
    }
  }

  private void publishPriceAndBudgets() {
    ModelPrice price =
        TestPrices.price(
                "gpt-4o",
                "standard",
                null,
                "2025-12-01T00:00:00Z",
                TestPrices.rates("3", "15").build())
            .build();
    try (var prices = clients.producer(clients.serde(ModelPrice.class));
        var budgets = clients.producer(clients.serde(BudgetDefinition.class))) {
      prices.send(new ProducerRecord<>(settings.pricesTopic(), price.getPriceVersionId(), price));
      for (int t = 0; t < TENANTS; t++) {
        BudgetDefinition budget =
            TestBudgets.daily("b" + t, TestBudgets.tenant("tenant-" + t), "0.045").build();
        budgets.send(new ProducerRecord<>(settings.budgetsTopic(), budget.getBudgetId(), budget));
      }
    }
  }

  private ProcessorSettings settings() {
    Map<String, String> values = new HashMap<>(TestTopics.names("." + UUID.randomUUID()));
    values.put(ProcessorSettings.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
    values.put(ProcessorSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    values.put(ProcessorSettings.APPLICATION_ID, "alert-latency-" + UUID.randomUUID());
    values.put("state.dir", dir.resolve("state").toString());
    values.put("replication.factor", "1");
    values.put("num.stream.threads", "1");
    values.put(ApiSettings.PORT, "-1");
    return ProcessorSettings.fromMap(values);
  }
}
