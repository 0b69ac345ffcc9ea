package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.testenv.StackEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What every fault test shares: a run with every price published up front, events published in the
 * background slowly enough for faults to land mid-stream, and the exactly-once check at the end.
 */
final class FaultRun {

  /** Events per fault test. */
  static final int EVENTS = 4_000;

  /** Publishing takes about 30 s: a pause of this long after every {@link #BURST} events. */
  private static final long PAUSE_MILLIS = 150;

  private static final int BURST = 20;
  private static final Duration WAIT = Duration.ofSeconds(240);

  private final PipelineConfig config;
  private final KafkaIo kafka;
  private final List<UsageEvent> events;
  private final ExpectedCosts expected;

  FaultRun(StackEndpoints stack, Path stateDir) throws InterruptedException, ExecutionException {
    this.config = new PipelineConfig(stack, stateDir);
    this.kafka = new KafkaIo(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
    TestCatalog catalog = new TestCatalog(Workload.firstTenant(config.tenantPrefix()));
    this.events = Workload.events(config.tenantPrefix(), "e2e-" + config.run() + "-", EVENTS);
    this.expected = new ExpectedCosts(catalog.complete(), events);
    config.createTopics();
    List<ModelPrice> prices = new ArrayList<>(catalog.initial());
    prices.addAll(catalog.late());
    kafka.publishPrices(config.processorSettings().pricesTopic(), prices);
  }

  PipelineConfig config() {
    return config;
  }

  /** Publishes every event through the SDK on another thread; completes when all are acked. */
  CompletableFuture<Void> publishInBackground() {
    return CompletableFuture.runAsync(
        () -> {
          try {
            SdkPublisher.publishAll(config, events, BURST, PAUSE_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
          } catch (ExecutionException e) {
            throw new IllegalStateException("an event was not acknowledged", e);
          }
        });
  }

  /** Waits for the publisher and for ClickHouse, then checks every event is there exactly once. */
  void assertEveryEventExactlyOnce(CompletableFuture<Void> publishing, ClickHouseReads reads)
      throws Exception {
    publishing.get();
    PricedUsageCheck priced = new PricedUsageCheck(reads, config.tenantPrefix());
    priced.awaitRows(EVENTS, WAIT);
    Map<String, Integer> onTopic =
        kafka.pricedCountsByEventId(config.processorSettings().pricedUsageTopic(), WAIT);
    Set<String> missing = new TreeSet<>(expected.byEventId().keySet());
    missing.removeAll(onTopic.keySet());
    assertThat(missing)
        .as(
            "events missing on the priced topic; ClickHouse has them at %s",
            missing.isEmpty() ? Map.of() : reads.pairs(whereIn(missing)))
        .isEmpty();
    assertThat(onTopic).as("events on the priced topic").hasSize(EVENTS);
    assertThat(onTopic.values()).as("copies per event on the priced topic").containsOnly(1);
    priced.assertExactly(expected);
  }

  private static String whereIn(Set<String> eventIds) {
    return "SELECT concat(event_id, ' p', toString(kafka_partition), ' o',"
        + " toString(kafka_offset), ' ', toString(priced_at)), toString(total_cost)"
        + " FROM tokenmeter_priced_usage WHERE event_id IN ('"
        + String.join("','", eventIds)
        + "')";
  }

  /** Rows of this run in ClickHouse right now: how far the stream has come. */
  static long rows(ClickHouseReads reads, PipelineConfig config) {
    return new PricedUsageCheck(reads, config.tenantPrefix()).rows();
  }

  static Duration waitLimit() {
    return WAIT;
  }
}
