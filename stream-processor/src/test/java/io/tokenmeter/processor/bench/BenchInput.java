package io.tokenmeter.processor.bench;

import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's input, written before any processor starts so the figures are processing
 * throughput, not producer throughput: one price, one daily budget per tenant (limits low enough
 * that every threshold is crossed), and {@code events} usage events 100 ms apart in event time.
 */
final class BenchInput {
  static final int TENANTS = 20;
  static final int WORKFLOWS = 5;
  private static final Instant START = Instant.parse("2026-01-20T00:00:00Z");

  private BenchInput() {}

  static void write(String bootstrap, Map<String, String> registry, int events) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    AvroSerde<ModelPrice> priceSerde = serde(ModelPrice.class, registry);
    AvroSerde<BudgetDefinition> budgetSerde = serde(BudgetDefinition.class, registry);
    AvroSerde<UsageEvent> usageSerde = serde(UsageEvent.class, registry);
    ModelPrice price = TestPrices.gpt4o();
    try (var prices = new KafkaProducer<>(props, new StringSerializer(), priceSerde.serializer());
        var budgets = new KafkaProducer<>(props, new StringSerializer(), budgetSerde.serializer());
        var usage =
            new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      prices.send(new ProducerRecord<>(Topics.PRICES, price.getPriceVersionId(), price));
      for (int t = 0; t < TENANTS; t++) {
        // 1000 in + 100 out at $3/$15 per million = $0.0045 an event; a tenant's day of the
        // benchmark spends more than $5, so 50/80/100 % all fire.
        BudgetDefinition budget =
            TestBudgets.daily("budget-" + t, TestBudgets.tenant(tenant(t)), "5").build();
        budgets.send(new ProducerRecord<>(Topics.BUDGETS, budget.getBudgetId(), budget));
      }
      for (int i = 0; i < events; i++) {
        Instant time = START.plusMillis(i * 100L);
        String tenant = tenant(i % TENANTS);
        UsageEvent event =
            TestEvents.event("evt-" + i, tenant, time)
                .setModel("gpt-4o")
                .setWorkflowId("wf-" + (i % WORKFLOWS))
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
  }

  static String tenant(int index) {
    return "tenant-" + index;
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> AvroSerde<T> serde(
      Class<T> type, Map<String, String> registry) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(registry, false);
    return serde;
  }
}
