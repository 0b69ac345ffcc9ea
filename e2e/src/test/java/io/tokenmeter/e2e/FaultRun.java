package io.tokenmeter.e2e;

import static java.util.concurrent.TimeUnit.SECONDS;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What every fault test shares: a run with every price published up front, events published in the
 * background slowly enough for faults to land mid-stream, and the exactly-once check at the end.
 *
 * <p>Publishing is gated so that a fault always lands mid-stream, however slow the machine: the
 * events go out in {@code faults + 2} chunks, and chunk {@code k + 2} waits until fault {@code k}
 * has been injected. Fault {@code k} is injected once ClickHouse holds {@code k} chunks' worth of
 * rows, so at that moment at least one chunk is still unpublished or in flight.
 */
final class FaultRun {

  /** Events per fault test. */
  static final int EVENTS = 4_000;

  /** Publishing takes about 30 s: a pause of this long after every {@link #BURST} events. */
  private static final long PAUSE_MILLIS = 150;

  private static final int BURST = 20;

  /**
   * Deadline of each wait. Generous: at load 20 on 2 cores a killed processor took over 30 s to
   * restore and rejoin; a wait only fails if the pipeline stopped making progress altogether.
   */
  private static final Duration WAIT = Duration.ofSeconds(300);

  private final PipelineConfig config;
  private final KafkaIo kafka;
  private final List<UsageEvent> events;
  private final ExpectedCosts expected;
  private final int faults;
  private final int chunk;
  private final Semaphore faultsInjected = new Semaphore(0);
  private final AtomicInteger published = new AtomicInteger();

  FaultRun(StackEndpoints stack, Path stateDir, int faults)
      throws InterruptedException, ExecutionException {
    this.faults = faults;
    this.chunk = (EVENTS + faults + 1) / (faults + 2);
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

  /**
   * Publishes every event through the SDK on another thread, chunk by chunk as faults are injected
   * (see the class comment); completes when all are acked.
   */
  CompletableFuture<Void> publishInBackground() {
    return CompletableFuture.runAsync(
        () -> {
          try {
            SdkPublisher.publishAll(config, events, BURST, PAUSE_MILLIS, this::gate);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
          } catch (ExecutionException e) {
            throw new IllegalStateException("an event was not acknowledged", e);
          }
        });
  }

  private void gate(int index) throws InterruptedException {
    int current = index / chunk;
    if (index % chunk == 0
        && current >= 2
        && !faultsInjected.tryAcquire(WAIT.toSeconds(), SECONDS)) {
      throw new IllegalStateException(
          "fault " + (current - 1) + " was not injected within " + WAIT + "; stopped publishing");
    }
    published.set(index + 1);
  }

  /**
   * Waits until ClickHouse holds the rows after which fault {@code fault} (1-based) is injected; on
   * timeout the failure says how far publishing and storing had come, plus {@code state}.
   */
  void awaitRowsBeforeFault(int fault, ClickHouseReads reads, Supplier<String> state)
      throws InterruptedException {
    long threshold = (long) chunk * fault;
    Poll.until(
        WAIT,
        threshold + " rows before fault " + fault,
        () -> rows(reads, config) >= threshold,
        () -> progress(reads) + "; " + state.get());
  }

  /** Lets the next chunk of events go out. */
  void faultInjected() {
    faultsInjected.release();
  }

  String progress(ClickHouseReads reads) {
    return "ClickHouse holds "
        + rows(reads, config)
        + " rows of "
        + EVENTS
        + ", events handed to the SDK: "
        + published.get()
        + " (faults "
        + faults
        + ", "
        + faultsInjected.availablePermits()
        + " permits unused)";
  }

  /** Waits for the publisher and for ClickHouse, then checks every event is there exactly once. */
  void assertEveryEventExactlyOnce(CompletableFuture<Void> publishing, ClickHouseReads reads)
      throws Exception {
    publishing.get(WAIT.toSeconds(), SECONDS);
    Poll.until(
        WAIT,
        EVENTS + " priced rows in ClickHouse",
        () -> rows(reads, config) >= EVENTS,
        () -> progress(reads));
    PricedUsageCheck priced = new PricedUsageCheck(reads, config.tenantPrefix());
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
}
