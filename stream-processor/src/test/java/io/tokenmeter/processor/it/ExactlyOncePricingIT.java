package io.tokenmeter.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.registry.MockSchemaRegistry;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import io.tokenmeter.serde.AvroSerde;
import java.math.BigDecimal;
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
  void shouldPriceEveryEventExactlyOnceAndDeadLetterPoison() {
    ModelPrice price =
        TestPrices.price(
                "gpt-4o",
                "standard",
                null,
                "2026-01-01T00:00:00Z",
                TestPrices.rates("3", "15").build())
            .build();
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

      List<ConsumerRecord<String, PricedUsage>> priced;
      try (var consumer = consumer(Topics.PRICED_USAGE, serde(PricedUsage.class).deserializer())) {
        priced = Poll.until(consumer, read -> read.size() >= EVENTS, Duration.ofSeconds(90));
        // Anything more than EVENTS would be a duplicate: give it a moment to show up.
        consumer.poll(Duration.ofSeconds(2)).forEach(priced::add);
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
            Poll.until(consumer, read -> !read.isEmpty(), Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).value().getReason()).isEqualTo(DeadLetterReason.BAD_MAGIC_BYTE);
      }
      assertBudgetAlertedOncePerThreshold();
      assertDailyAggregatesMatchInput(priced);
    } finally {
      Main.stop(streams, settings);
    }
  }

  /** tenant-0 spends 100 x ~$0.0045 = ~$0.45 against $0.30: 50, 80, 100 % each exactly once. */
  private static void assertBudgetAlertedOncePerThreshold() {
    try (var consumer = consumer(Topics.BUDGET_ALERTS, serde(BudgetAlert.class).deserializer())) {
      List<ConsumerRecord<String, BudgetAlert>> alerts =
          Poll.until(consumer, read -> read.size() >= 3, Duration.ofSeconds(60));
      consumer.poll(Duration.ofSeconds(2)).forEach(alerts::add);
      assertThat(alerts)
          .extracting(r -> r.value().getAlertId())
          .containsExactly(
              "tenant-0-daily/2026-01-20T00:00:00Z/THRESHOLD/50",
              "tenant-0-daily/2026-01-20T00:00:00Z/THRESHOLD/80",
              "tenant-0-daily/2026-01-20T00:00:00Z/THRESHOLD/100");
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
      Map<String, WindowedAggregate> latest = new HashMap<>();
      Poll.until(
          consumer,
          read -> {
            read.stream()
                .map(ConsumerRecord::value)
                .filter(a -> a.getDimension() == AggregateDimension.TENANT)
                .filter(a -> a.getWindowSize() == WindowSize.DAY)
                .forEach(
                    a ->
                        latest.merge(
                            a.getTenantId(),
                            a,
                            (x, y) -> x.getRevision() > y.getRevision() ? x : y));
            return latest.values().stream().mapToLong(WindowedAggregate::getEventCount).sum()
                >= EVENTS;
          },
          Duration.ofSeconds(60));
      assertThat(latest.keySet()).isEqualTo(expected.keySet());
      latest.forEach(
          (tenant, aggregate) -> {
            assertThat(aggregate.getEventCount()).isEqualTo(EVENTS / 3);
            assertThat(aggregate.getTotalCost()).isEqualByComparingTo(expected.get(tenant));
          });
    }
  }
}
