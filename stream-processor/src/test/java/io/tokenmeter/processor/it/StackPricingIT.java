package io.tokenmeter.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.serde.AvroSerde;
import io.tokenmeter.testenv.CommittedOffsets;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology with exactly_once_v2 on the test stack (embedded broker and the dev registry over
 * REST by default, or external services): usage in, priced usage read back with read_committed and
 * compared exactly, field by field.
 */
@WithTokenmeterStack
class StackPricingIT {
  private static final int EVENTS = 100;
  private static final Instant EVENT_TIME = Instant.parse("2026-01-20T10:00:00Z");

  @TempDir Path dir;

  @Test
  void shouldPriceEveryEventExactlyOnceThroughTheRegistry(StackEndpoints stack) throws Exception {
    String suffix = "." + UUID.randomUUID();
    Map<String, String> values = new HashMap<>();
    for (String key : ProcessorSettings.topicKeys()) {
      values.put(key, ProcessorSettings.defaults().get(key) + suffix);
    }
    values.put(ProcessorSettings.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
    values.put(ProcessorSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    values.put(ProcessorSettings.APPLICATION_ID, "stack-it-" + UUID.randomUUID());
    values.put("state.dir", dir.toString());
    values.put("replication.factor", "1");
    values.put("commit.interval.ms", "200");
    values.put(ApiSettings.PORT, "-1");
    ProcessorSettings settings = ProcessorSettings.fromMap(values);
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              ProcessorSettings.topicKeys().stream()
                  .map(key -> new NewTopic(settings.topic(key), 1, (short) 1))
                  .toList())
          .all()
          .get();
    }
    Map<String, String> registry =
        Map.of(ProcessorSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    ModelPrice price =
        TestPrices.price(
                "gpt-4o",
                "standard",
                null,
                "2026-01-01T00:00:00Z",
                TestPrices.rates("2.5", "10").build())
            .build();
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    try (var prices =
        new KafkaProducer<>(
            producerProps,
            new StringSerializer(),
            serde(ModelPrice.class, registry).serializer())) {
      prices
          .send(new ProducerRecord<>(settings.pricesTopic(), price.getPriceVersionId(), price))
          .get();
    }
    KafkaStreams streams = Main.start(settings, Clock.systemUTC());
    Map<String, UsageEvent> sent = new HashMap<>();
    try {
      var serializer = serde(UsageEvent.class, registry).serializer();
      try (var usage =
          new KafkaProducer<>(
              producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
        for (int i = 0; i < EVENTS; i++) {
          UsageEvent event =
              TestEvents.event("evt-" + i, "tenant-" + (i % 4), EVENT_TIME.plusSeconds(i))
                  .setModel("gpt-4o-2024-08-06")
                  .setUsage(TestEvents.usage(1000 + i, 50 + i).setCacheReadTokens(i).build())
                  .build();
          sent.put(event.getEventId(), event);
          usage.send(
              new ProducerRecord<>(
                  settings.usageTopic(),
                  null,
                  event.getEventTime().toEpochMilli(),
                  event.getTenantId().getBytes(StandardCharsets.UTF_8),
                  serializer.serialize(settings.usageTopic(), event)));
        }
      }
      // Input committed to its end = every priced record of it committed (one transaction).
      CommittedOffsets.awaitAtEnd(
          stack.kafkaBootstrapServers(),
          settings.applicationId(),
          settings.usageTopic(),
          Duration.ofSeconds(120));
      List<ConsumerRecord<String, PricedUsage>> priced;
      try (var consumer = consumer(stack, settings.pricedUsageTopic(), registry)) {
        priced = ReadToEnd.all(consumer, Duration.ofSeconds(60));
      }
      assertThat(priced).hasSize(EVENTS);
      for (ConsumerRecord<String, PricedUsage> record : priced) {
        PricedUsage value = record.value();
        UsageEvent original = sent.get(value.getEvent().getEventId());
        assertThat(value.getEvent()).isEqualTo(original);
        long input = original.getUsage().getInputTokens();
        long cached = original.getUsage().getCacheReadTokens();
        long output = original.getUsage().getOutputTokens();
        // No cache-read rate in this price: cache reads bill at the uncached input rate.
        var expected =
            TestPrices.perToken("2.5")
                .multiply(java.math.BigDecimal.valueOf(input))
                .add(TestPrices.perToken("10").multiply(java.math.BigDecimal.valueOf(output)));
        assertThat(value.getTotalCost()).isEqualByComparingTo(expected);
        assertThat(value.getCost().getCacheRead())
            .isEqualByComparingTo(
                TestPrices.perToken("2.5").multiply(java.math.BigDecimal.valueOf(cached)));
        assertThat(value.getPriceVersionId()).isEqualTo(price.getPriceVersionId());
        assertThat(value.getMatchedModel()).isEqualTo("gpt-4o");
      }
    } finally {
      Main.stop(streams, settings);
    }
  }

  private static <T extends SpecificRecord> AvroSerde<T> serde(
      Class<T> type, Map<String, String> config) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(config, false);
    return serde;
  }

  private static KafkaConsumer<String, PricedUsage> consumer(
      StackEndpoints stack, String topic, Map<String, String> registry) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, PricedUsage> consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), serde(PricedUsage.class, registry).deserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
