package io.tokenmeter.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.registry.MockSchemaRegistry;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowedAggregate;
import io.tokenmeter.serde.AvroSerde;
import io.tokenmeter.testenv.CommittedOffsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real topology with exactly_once_v2 on a real broker: usage in, priced usage read back with
 * read_committed and compared exactly. The registry is the in-process one (mock://), shared by
 * producer, processor and consumer in this JVM.
 */
class ExactlyOncePricingIT {
  private static final int EVENTS = 300;
  private static final String SCOPE = "it-" + UUID.randomUUID();
  private static final Instant EVENT_TIME = Instant.parse("2026-01-20T10:00:00Z");
  private static final BudgetDefinition BUDGET =
      TestBudgets.daily("tenant-0-daily", TestBudgets.tenant("tenant-0"), "0.30").build();

  private static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();
  private static final String TENANT_1_TOKEN = "it-tenant-1-" + UUID.randomUUID();
  private static final int API_PORT = freePort();

  @TempDir static Path dir;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start();
    kafka.createTopics(Topics.all().toArray(String[]::new));
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
    MockSchemaRegistry.dropScope(SCOPE);
  }

  private static ProcessorSettings settings() {
    Map<String, String> values = new HashMap<>();
    values.put(ProcessorSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    values.put(ProcessorSettings.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
    values.put(ProcessorSettings.APPLICATION_ID, "it-" + UUID.randomUUID());
    values.put(ProcessorSettings.UNPRICED_RETRY_INTERVAL, "PT1S");
    values.put("state.dir", dir.resolve("state").toString());
    values.put("replication.factor", "1");
    values.put("commit.interval.ms", "200");
    // The API on a free port, announced as application.server so owner lookups run for real.
    values.put(ApiSettings.PORT, String.valueOf(API_PORT));
    values.put("application.server", "127.0.0.1:" + API_PORT);
    values.put(ApiSettings.ADMIN_TOKENS, ADMIN_TOKEN);
    values.put(ApiSettings.TENANT_TOKENS, "tenant-1:" + TENANT_1_TOKEN);
    return ProcessorSettings.fromMap(values);
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> AvroSerde<T> serde(
      Class<T> type) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(Map.of(ProcessorSettings.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
    return serde;
  }

  private static Properties producerProps() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return props;
  }

  private static <V> KafkaConsumer<String, V> consumer(
      String topic, org.apache.kafka.common.serialization.Deserializer<V> values) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values);
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  @Test
  void shouldPriceEveryEventExactlyOnceAndDeadLetterPoison() throws Exception {
    ModelPrice price = TestPrices.gpt4o();
    try (KafkaProducer<String, ModelPrice> prices =
        new KafkaProducer<>(
            producerProps(), new StringSerializer(), serde(ModelPrice.class).serializer())) {
      prices.send(new ProducerRecord<>(Topics.PRICES, price.getPriceVersionId(), price));
    }
    try (KafkaProducer<String, BudgetDefinition> budgets =
        new KafkaProducer<>(
            producerProps(), new StringSerializer(), serde(BudgetDefinition.class).serializer())) {
      budgets.send(new ProducerRecord<>(Topics.BUDGETS, BUDGET.getBudgetId(), BUDGET));
    }
    ProcessorSettings settings = settings();
    assertThat(settings.processingGuarantee()).isEqualTo("exactly_once_v2");
    KafkaStreams streams = Main.start(settings, Clock.systemUTC());
    try {
      var usageSerializer = serde(UsageEvent.class).serializer();
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
        for (int i = 0; i < EVENTS; i++) {
          UsageEvent event =
              TestEvents.event("evt-" + i, "tenant-" + (i % 3), EVENT_TIME.plusSeconds(i))
                  .setModel("gpt-4o")
                  .setUsage(TestEvents.usage(1000 + i, 100).build())
                  .build();
          producer.send(
              new ProducerRecord<>(
                  Topics.USAGE,
                  null,
                  EVENT_TIME.plusSeconds(i).toEpochMilli(),
                  event.getTenantId().getBytes(),
                  usageSerializer.serialize(Topics.USAGE, event)));
          if (i == EVENTS / 2) {
            producer.send(
                new ProducerRecord<>(Topics.USAGE, "x".getBytes(), new byte[] {42, 1, 2}));
          }
        }
      }

      // Input committed to its end = every priced record of it committed (one transaction).
      CommittedOffsets.awaitAtEnd(
          kafka.bootstrapServers(),
          settings.applicationId(),
          settings.usageTopic(),
          Duration.ofSeconds(90));
      List<ConsumerRecord<String, PricedUsage>> priced;
      try (var consumer = consumer(Topics.PRICED_USAGE, serde(PricedUsage.class).deserializer())) {
        priced = ReadToEnd.all(consumer, Duration.ofSeconds(60));
      }
      assertThat(priced).hasSize(EVENTS);
      Set<String> ids =
          priced.stream().map(r -> r.value().getEvent().getEventId()).collect(Collectors.toSet());
      assertThat(ids).hasSize(EVENTS);
      for (ConsumerRecord<String, PricedUsage> record : priced) {
        PricedUsage value = record.value();
        long input = value.getEvent().getUsage().getInputTokens();
        BigDecimal expected =
            TestPrices.perToken("3")
                .multiply(BigDecimal.valueOf(input))
                .add(TestPrices.perToken("15").multiply(BigDecimal.valueOf(100)));
        assertThat(value.getTotalCost()).isEqualTo(expected.setScale(12));
        assertThat(record.key()).isEqualTo(value.getEvent().getTenantId());
        assertThat(value.getPriceVersionId()).isEqualTo(price.getPriceVersionId());
      }

      try (var consumer = consumer(Topics.DEAD_LETTERS, serde(DeadLetter.class).deserializer())) {
        List<ConsumerRecord<String, DeadLetter>> letters =
            Poll.until(consumer, read -> !read.isEmpty(), Duration.ofSeconds(90));
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).value().getReason()).isEqualTo(DeadLetterReason.BAD_MAGIC_BYTE);
      }
      assertBudgetAlertedOncePerThreshold();
      assertDailyAggregatesMatchInput(priced);
      assertSpendApiMatchesInput(priced);
    } finally {
      Main.stop(streams, settings);
    }
  }

  /** tenant-0 spends 100 x ~$0.0045 = ~$0.45 against $0.30: 50, 80, 100 % each exactly once. */
  private static void assertBudgetAlertedOncePerThreshold() {
    try (var consumer = consumer(Topics.BUDGET_ALERTS, serde(BudgetAlert.class).deserializer())) {
      List<ConsumerRecord<String, BudgetAlert>> alerts =
          Poll.until(consumer, read -> read.size() >= 3, Duration.ofSeconds(180));
      consumer.poll(Duration.ofSeconds(2)).forEach(alerts::add);
      assertThat(alerts)
          .extracting(r -> r.value().getAlertId())
          .containsExactly(
              "tenant-0-daily/2026-01-20T00:00:00Z/THRESHOLD/50/defined/2020-01-01T00:00:00Z",
              "tenant-0-daily/2026-01-20T00:00:00Z/THRESHOLD/80/defined/2020-01-01T00:00:00Z",
              "tenant-0-daily/2026-01-20T00:00:00Z/THRESHOLD/100/defined/2020-01-01T00:00:00Z");
    }
  }

  /** The latest DAY x TENANT revision per tenant equals the sum of what was priced, exactly. */
  private static void assertDailyAggregatesMatchInput(
      List<ConsumerRecord<String, PricedUsage>> priced) {
    Map<String, BigDecimal> expected =
        priced.stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    Collectors.reducing(
                        BigDecimal.ZERO, r -> r.value().getTotalCost(), BigDecimal::add)));
    try (var consumer =
        consumer(Topics.AGGREGATES, serde(WindowedAggregate.class).deserializer())) {
      Map<String, WindowedAggregate> latest =
          LatestDayTotals.byTenant(consumer, EVENTS, Duration.ofSeconds(180));
      assertThat(latest.keySet()).isEqualTo(expected.keySet());
      latest.forEach(
          (tenant, aggregate) -> {
            assertThat(aggregate.getEventCount()).isEqualTo(EVENTS / 3);
            assertThat(aggregate.getTotalCost()).isEqualByComparingTo(expected.get(tenant));
          });
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API_PORT + path))
            .header("Authorization", "Bearer " + token)
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  /** The HTTP API (interactive queries on the real instance) returns the priced sums exactly. */
  private static void assertSpendApiMatchesInput(List<ConsumerRecord<String, PricedUsage>> priced)
      throws Exception {
    Map<String, BigDecimal> expected =
        priced.stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    Collectors.reducing(
                        BigDecimal.ZERO.setScale(12),
                        r -> r.value().getTotalCost(),
                        BigDecimal::add)));
    ObjectMapper json = new ObjectMapper();
    for (String tenant : expected.keySet()) {
      HttpResponse<String> response =
          get("/v1/tenants/" + tenant + "/spend?period=day&date=2026-01-20", ADMIN_TOKEN);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = json.readTree(response.body());
      assertThat(body.get("event_count").asLong()).isEqualTo(EVENTS / 3);
      assertThat(new BigDecimal(body.get("total_usd").asText())).isEqualTo(expected.get(tenant));
      assertThat(new BigDecimal(body.get("by_model").get(0).get("total_usd").asText()))
          .isEqualTo(expected.get(tenant));
      // Every event is on 2026-01-20, so the month equals the day.
      JsonNode month =
          json.readTree(
              get("/v1/tenants/" + tenant + "/spend?period=month&date=2026-01-20", ADMIN_TOKEN)
                  .body());
      assertThat(new BigDecimal(month.get("total_usd").asText())).isEqualTo(expected.get(tenant));
    }
    assertThat(get("/v1/tenants/tenant-1/spend?date=2026-01-20", TENANT_1_TOKEN).statusCode())
        .isEqualTo(200);
    assertThat(get("/v1/tenants/tenant-0/spend?date=2026-01-20", TENANT_1_TOKEN).statusCode())
        .isEqualTo(403);
    HttpResponse<String> budget = get("/v1/budgets/" + BUDGET.getBudgetId(), ADMIN_TOKEN);
    assertThat(budget.statusCode()).as(budget.body()).isEqualTo(200);
    assertThat(new BigDecimal(json.readTree(budget.body()).get("spend_usd").asText()))
        .isEqualTo(expected.get("tenant-0"));
    assertThat(get("/health/ready", ADMIN_TOKEN).statusCode()).isEqualTo(200);
    // Alerts come from the alerts topic via a separate reader: give it a moment.
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode alerts;
    do {
      alerts = json.readTree(get("/v1/tenants/tenant-0/alerts", ADMIN_TOKEN).body()).get("alerts");
      if (alerts.size() >= 3) {
        break;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    assertThat(alerts)
        .extracting(a -> a.get("threshold_percent").asInt())
        .containsExactly(100, 80, 50);
  }
}
