package io.tokenmeter.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.BudgetStatus;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hard budget that is EXCEEDED blocks its tenant's calls at the gateway, so no further event
 * comes: raising its limit must reach the budget-state topic by itself. Runs the processor
 * in-process on the real stack, where the budgets arrive through the global-store thread while the
 * stream thread sweeps, unlike in the topology test driver.
 */
@WithTokenmeterStack
class BudgetRedefinitionIT {
  private static final Instant EVENT_TIME = Instant.parse("2026-01-20T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(180);

  @TempDir Path dir;

  @Test
  void shouldReleaseAnExceededHardBudgetWhenItsLimitIsRaisedWithoutANewEvent(StackEndpoints stack)
      throws Exception {
    StackClients clients = new StackClients(stack);
    ProcessorSettings settings = settings(stack);
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      TestTopics.create(admin, settings, 1);
    }
    BudgetDefinition tight =
        TestBudgets.daily("t0-daily", TestBudgets.tenant("tenant-0"), "0.01").build();
    publishPrice(clients, settings);
    publish(clients, settings, tight);
    produceFiveEvents(clients, settings); // 5 x $0.0045 = $0.0225, over $0.01

    KafkaStreams streams = Main.start(settings, Clock.systemUTC());
    try (var states = clients.consumer(settings.budgetStateTopic(), BudgetState.class)) {
      // Exceeded at the third event; the state of all five follows within the state interval.
      List<ConsumerRecord<String, BudgetState>> read =
          Poll.until(
              states,
              r -> hasLast(r, s -> s.getSpendUsd().compareTo(new BigDecimal("0.0225")) == 0),
              WAIT);
      assertThat(last(read).getStatus()).isEqualTo(BudgetStatus.EXCEEDED);

      publish(
          clients,
          settings,
          BudgetDefinition.newBuilder(tight)
              .setLimitUsd(TestEvents.money("1"))
              .setUpdatedAt(Instant.now())
              .build());
      read =
          Poll.until(
              states, r -> hasLast(r, s -> s.getLimitUsd().compareTo(BigDecimal.ONE) == 0), WAIT);

      BudgetState raised = last(read);
      assertThat(raised.getStatus()).isEqualTo(BudgetStatus.OK);
      assertThat(raised.getSpendUsd()).isEqualByComparingTo("0.0225");
      assertThat(raised.getHighestThresholdCrossed()).isNull();
    } finally {
      Main.stop(streams, settings);
    }
  }

  private static boolean hasLast(
      List<ConsumerRecord<String, BudgetState>> read, Predicate<BudgetState> condition) {
    return !read.isEmpty() && condition.test(last(read));
  }

  private static BudgetState last(List<ConsumerRecord<String, BudgetState>> read) {
    return read.getLast().value();
  }

  private static void publishPrice(StackClients clients, ProcessorSettings settings)
      throws Exception {
    ModelPrice price = TestPrices.gpt4o();
    try (var prices = clients.producer(clients.serde(ModelPrice.class))) {
      prices
          .send(new ProducerRecord<>(settings.pricesTopic(), price.getPriceVersionId(), price))
          .get();
    }
  }

  private static void publish(
      StackClients clients, ProcessorSettings settings, BudgetDefinition budget) throws Exception {
    try (var budgets = clients.producer(clients.serde(BudgetDefinition.class))) {
      budgets
          .send(new ProducerRecord<>(settings.budgetsTopic(), budget.getBudgetId(), budget))
          .get();
    }
  }

  private static void produceFiveEvents(StackClients clients, ProcessorSettings settings)
      throws Exception {
    var serializer = clients.serde(UsageEvent.class).serializer();
    try (var usage =
        new KafkaProducer<>(
            clients.producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < 5; i++) {
        Instant time = EVENT_TIME.plusSeconds(i);
        UsageEvent event =
            TestEvents.event("evt-" + i, "tenant-0", time).setModel("gpt-4o").build();
        usage
            .send(
                new ProducerRecord<>(
                    settings.usageTopic(),
                    null,
                    time.toEpochMilli(),
                    "tenant-0".getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(settings.usageTopic(), event)))
            .get();
      }
    }
  }

  private ProcessorSettings settings(StackEndpoints stack) {
    Map<String, String> values = new HashMap<>(TestTopics.names("." + UUID.randomUUID()));
    values.put(ProcessorSettings.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
    values.put(ProcessorSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    values.put(ProcessorSettings.APPLICATION_ID, "budget-redefinition-" + UUID.randomUUID());
    values.put("state.dir", dir.toString());
    values.put("replication.factor", "1");
    values.put("commit.interval.ms", "100");
    values.put(ApiSettings.PORT, "-1");
    return ProcessorSettings.fromMap(values);
  }
}
