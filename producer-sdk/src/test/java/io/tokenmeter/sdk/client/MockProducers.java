package io.tokenmeter.sdk.client;

import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.adapter.NormalizedUsage;
import io.tokenmeter.sdk.event.UsageReport;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test wiring: Kafka's MockProducer with the real Avro serializer on an in-process registry. */
final class MockProducers {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String REGISTRY = "mock://producer-sdk-client-test";

  private MockProducers() {}

  static MockProducer<String, byte[]> manual() {
    return create(false);
  }

  static MockProducer<String, byte[]> autoComplete() {
    return create(true);
  }

  private static MockProducer<String, byte[]> create(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new StringSerializer(), new ByteArraySerializer());
  }

  /** The event a sent record carries, read back through the real Avro deserializer. */
  static UsageEvent value(ProducerRecord<String, byte[]> record) {
    try (KafkaAvroDeserializer<UsageEvent> values = new KafkaAvroDeserializer<>(UsageEvent.class)) {
      values.configure(Map.of("schema.registry.url", REGISTRY), false);
      return values.deserialize(record.topic(), record.value());
    }
  }

  /**
   * Waits until the client's sender thread handed {@code count} records to the producer: sends
   * happen off the caller's thread, so tests poll instead of reading history at once.
   */
  static List<ProducerRecord<String, byte[]>> awaitSent(
      MockProducer<String, byte[]> producer, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (producer.history().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for sends", e);
      }
    }
    List<ProducerRecord<String, byte[]>> sent = producer.history();
    if (sent.size() < count) {
      throw new AssertionError("expected " + count + " sends within 5 s, saw " + sent.size());
    }
    return sent;
  }

  static UsageClientBuilder builderFor(MockProducer<String, byte[]> producer) {
    return UsageClient.builder()
        .bootstrapServers("unused:9092")
        .registryUrl(REGISTRY)
        .clock(CLOCK)
        .producerFactory(properties -> producer);
  }

  /** A contract-valid Avro event built directly, as a caller without UsageReport would. */
  static UsageEvent validEvent() {
    return UsageEvent.newBuilder()
        .setEventId("0193f5a0-0000-7000-8000-000000000001")
        .setEventTime(NOW)
        .setTenantId("acme")
        .setProvider("anthropic")
        .setModel("claude-sonnet-4-5-20250929")
        .setUsage(
            io.tokenmeter.schema.v1.TokenUsage.newBuilder()
                .setInputTokens(100)
                .setOutputTokens(50)
                .build())
        .setUsageComplete(true)
        .build();
  }

  static UsageReport report(String tenant) {
    return UsageReport.builder()
        .tenantId(tenant)
        .provider("openai")
        .model("gpt-4o-2024-08-06")
        .usage(
            NormalizedUsage.builder()
                .inputTokens(1117)
                .cacheReadTokens(1024)
                .outputTokens(46)
                .build())
        .build();
  }
}
