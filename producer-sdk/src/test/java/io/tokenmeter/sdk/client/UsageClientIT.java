package io.tokenmeter.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.adapter.NormalizedUsage;
import io.tokenmeter.sdk.event.UsageEventFactory;
import io.tokenmeter.sdk.event.UsageReport;
import io.tokenmeter.sdk.event.UuidV7Generator;
import io.tokenmeter.sdk.validation.UsageEventValidator;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a real single-node broker: what is published is read back, exactly once. */
class UsageClientIT {
  private static final String REGISTRY = "mock://producer-sdk-it";
  private static final Instant CALL_TIME = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.builder().defaultPartitions(3).build().start();
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static UsageClientBuilder client(String topic) {
    return UsageClient.builder()
        .bootstrapServers(kafka.bootstrapServers())
        .registryUrl(REGISTRY)
        .topic(topic)
        .defaultTag("suite", "it");
  }

  /** The same defaults the client applies, so the expected events can be rebuilt exactly. */
  private static final UsageEventFactory EXPECTED =
      new UsageEventFactory(
          Clock.systemUTC(),
          new UuidV7Generator(Clock.systemUTC(), new SecureRandom()),
          new UsageEventValidator(Clock.systemUTC()),
          null,
          Map.of("suite", "it"));

  private static UsageReport report(String id, int n) {
    return UsageReport.builder()
        .eventId(id)
        .eventTime(CALL_TIME.plusMillis(n))
        .tenantId("tenant-" + (n % 7))
        .workflowId("wf-" + (n % 3))
        .userId("user-" + n)
        .tag("n", Integer.toString(n))
        .provider("anthropic")
        .model("claude-sonnet-4-5-20250929")
        .latencyMs((long) n)
        .usage(
            NormalizedUsage.builder()
                .inputTokens(1000L + n)
                .cacheReadTokens(n)
                .cacheWriteTokens(10)
                .cacheWriteSplit(4L, 6L)
                .outputTokens(200)
                .otherUnit(NormalizedUsage.WEB_SEARCH_CALLS, n % 2)
                .build())
        .providerReportedCostUsd(new BigDecimal("0.000123").add(BigDecimal.valueOf(n, 9)))
        .providerRequestId("msg_" + n)
        .build();
  }

  private static Map<String, UsageEvent> readBack(String topic, int expected) {
    List<ConsumerRecord<String, UsageEvent>> records =
        TopicReader.readAll(
            kafka.bootstrapServers(), REGISTRY, topic, expected, Duration.ofSeconds(60));
    assertThat(records).allMatch(r -> r.key().equals(r.value().getTenantId()));
    Map<String, UsageEvent> byId =
        records.stream()
            .map(ConsumerRecord::value)
            .collect(Collectors.toMap(UsageEvent::getEventId, Function.identity()));
    // toMap throws on a duplicate id, and the sizes prove nothing extra arrived.
    assertThat(records).hasSize(byId.size());
    return byId;
  }

  @Test
  void shouldReadBackEveryEventFromSeveralThreadsExactlyOnceWithFieldsIntact() throws Exception {
    String topic = "usage-threads";
    kafka.createTopics(topic);
    int threads = 4;
    int perThread = 250;
    Map<String, UsageEvent> expected = new ConcurrentHashMap<>();
    try (UsageClient client = client(topic).build()) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        Thread worker =
            new Thread(
                () -> {
                  for (int i = base; i < base + perThread; i++) {
                    UsageReport report = report("thread-event-" + i, i);
                    expected.put(report.eventId(), EXPECTED.create(report));
                    client.publish(report);
                  }
                });
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join(TimeUnit.SECONDS.toMillis(60));
      }
      client.flush().get(60, TimeUnit.SECONDS);
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(threads * perThread, 0, 0, 0));
    }
    assertThat(readBack(topic, threads * perThread)).isEqualTo(expected);
  }

  @Test
  void shouldLoseNothingWhenClosedRightAfterABurst() {
    String topic = "usage-close";
    kafka.createTopics(topic);
    int burst = 2_000;
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    UsageClient client = client(topic).build();
    for (int i = 0; i < burst; i++) {
      futures.add(client.tryPublish(report("burst-" + i, i)));
    }
    client.close(Duration.ofSeconds(60));

    assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    assertThat(readBack(topic, burst).keySet())
        .hasSize(burst)
        .allMatch(id -> id.startsWith("burst-"));
  }

  @Test
  void shouldRideOutABrokerOutageShorterThanTheDeliveryTimeoutAndRejectWhenFull() throws Exception {
    String topic = "usage-outage";
    kafka.createTopics(topic);
    int buffer = 50;
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    try (UsageClient client = client(topic).maxBufferedEvents(buffer).build()) {
      // Warm up: metadata and schema are known before the outage, so sends do not block.
      client.publish(report("outage-0", 0)).get(30, TimeUnit.SECONDS);
      kafka.stop();
      long started = System.nanoTime();
      for (int i = 1; i <= buffer; i++) {
        futures.add(client.tryPublish(report("outage-" + i, i)));
      }
      assertThatThrownBy(() -> client.tryPublish(report("outage-overflow", 999)))
          .isInstanceOf(BufferFullException.class);
      // Never blocked by the outage, though the producer itself waits for metadata meanwhile.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
      assertThat(client.metrics().rejected()).isEqualTo(1);

      kafka.start();
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
      assertThat(client.metrics()).isEqualTo(new UsageClientMetrics(buffer + 1, 0, 1, 0));
    }
    Map<String, UsageEvent> read = readBack(topic, buffer + 1);
    assertThat(read).hasSize(buffer + 1).doesNotContainKey("outage-overflow");
  }
}
