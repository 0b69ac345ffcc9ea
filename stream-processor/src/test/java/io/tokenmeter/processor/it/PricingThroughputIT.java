package io.tokenmeter.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.registry.MockSchemaRegistry;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.serde.AvroSerde;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in measurement ({@code -Dtokenmeter.bench=true}): events/s of the whole topology (decode,
 * price, 3 window sizes x 3 dimensions, budgets) on ONE stream thread with exactly_once_v2. The
 * usage is produced first, so the figure is processing throughput, not producer throughput.
 */
@EnabledIfSystemProperty(named = "tokenmeter.bench", matches = "true")
class PricingThroughputIT {
  private static final Logger LOGGER = LoggerFactory.getLogger(PricingThroughputIT.class);
  private static final int EVENTS = Integer.getInteger("tokenmeter.bench.events", 50_000);
  private static final String SCOPE = "bench-" + UUID.randomUUID();

  @TempDir Path dir;

  @Test
  void shouldMeasureEventsPerSecondOnOneStreamThread() {
    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start()) {
      kafka.createTopics(Topics.all().toArray(String[]::new));
      Map<String, String> registry =
          Map.of(ProcessorSettings.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
      Properties producerProps = new Properties();
      producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "20");
      AvroSerde<ModelPrice> priceSerde = AvroSerde.specific(ModelPrice.class);
      priceSerde.configure(registry, false);
      AvroSerde<UsageEvent> usageSerde = AvroSerde.specific(UsageEvent.class);
      usageSerde.configure(registry, false);
      ModelPrice price =
          TestPrices.price(
                  "gpt-4o",
                  "standard",
                  null,
                  "2026-01-01T00:00:00Z",
                  TestPrices.rates("3", "15").build())
              .build();
      try (var prices =
              new KafkaProducer<>(producerProps, new StringSerializer(), priceSerde.serializer());
          var usage =
              new KafkaProducer<>(
                  producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
        prices.send(new ProducerRecord<>(Topics.PRICES, price.getPriceVersionId(), price));
        Instant start = Instant.parse("2026-01-20T00:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
          Instant time = start.plusMillis(i * 100L);
          String tenant = "tenant-" + (i % 20);
          UsageEvent event =
              TestEvents.event("evt-" + i, tenant, time)
                  .setModel("gpt-4o")
                  .setWorkflowId("wf-" + (i % 5))
                  .build();
          usage.send(
              new ProducerRecord<>(
                  Topics.USAGE,
                  null,
                  time.toEpochMilli(),
                  tenant.getBytes(StandardCharsets.UTF_8),
                  usageSerde.serializer().serialize(Topics.USAGE, event)));
        }
      }
      Map<String, String> values = new HashMap<>(registry);
      values.put(ProcessorSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
      values.put(ProcessorSettings.APPLICATION_ID, "bench-" + UUID.randomUUID());
      values.put("state.dir", dir.resolve("state").toString());
      values.put("replication.factor", "1");
      values.put("num.stream.threads", "1");
      values.put(ApiSettings.PORT, "-1");
      ProcessorSettings settings = ProcessorSettings.fromMap(values);
      long begin = System.nanoTime();
      KafkaStreams streams = Main.start(settings, Clock.systemUTC());
      long count;
      try (var consumer = consumer(kafka.bootstrapServers())) {
        count = Poll.until(consumer, read -> read.size() >= EVENTS, Duration.ofMinutes(10)).size();
      } finally {
        Main.stop(streams, settings);
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      LOGGER.info(
          "BENCH {} events priced+aggregated+budgeted in {} s = {} events/s (1 stream thread, exactly_once_v2, incl. start-up)",
          count,
          String.format(java.util.Locale.ROOT, "%.1f", seconds),
          String.format(java.util.Locale.ROOT, "%.0f", count / seconds));
      assertThat(count).isEqualTo(EVENTS);
    } finally {
      MockSchemaRegistry.dropScope(SCOPE);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(Topics.PRICED_USAGE));
    return consumer;
  }
}
