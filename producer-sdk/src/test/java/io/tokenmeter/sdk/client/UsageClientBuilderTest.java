package io.tokenmeter.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class UsageClientBuilderTest {

  private static Map<String, Object> configOf(UsageClientBuilder builder) {
    Map<String, Object> captured = new HashMap<>();
    MockProducer<String, byte[]> producer = MockProducers.manual();
    builder
        .producerFactory(
            properties -> {
              captured.putAll(properties);
              return producer;
            })
        .build()
        .close();
    return captured;
  }

  private static UsageClientBuilder minimal() {
    return UsageClient.builder().bootstrapServers("b1:9092,b2:9092").registryUrl("http://reg:8081");
  }

  @Test
  void shouldApplySafeProducerDefaults() {
    Map<String, Object> config = configOf(minimal());
    assertThat(config)
        .containsEntry("bootstrap.servers", "b1:9092,b2:9092")
        .containsEntry("schema.registry.url", "http://reg:8081")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("acks", "all")
        .containsEntry("linger.ms", "5")
        .containsEntry("compression.type", "zstd")
        .containsEntry("key.serializer", StringSerializer.class.getName())
        .containsEntry("value.serializer", ByteArraySerializer.class.getName());
  }

  @Test
  void shouldPassAnyProducerPropertyThroughOverDefaults() {
    Map<String, Object> config =
        configOf(
            minimal()
                .producerProperty("linger.ms", "20")
                .producerProperty("compression.type", "lz4")
                .producerProperty("sasl.mechanism", "PLAIN")
                .producerProperty("auto.register.schemas", "false"));
    assertThat(config)
        .containsEntry("linger.ms", "20")
        .containsEntry("compression.type", "lz4")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("auto.register.schemas", "false");
  }

  @Test
  void shouldRejectSerializerOverrides() {
    assertThatThrownBy(() -> minimal().producerProperty("value.serializer", "x"))
        .hasMessageContaining("value.serializer is set by the SDK");
  }

  @Test
  void shouldRejectBadSettingsAtTheSetterWithAFix() {
    UsageClientBuilder builder = UsageClient.builder();
    assertThatThrownBy(() -> builder.bootstrapServers(" ")).hasMessageContaining("host:port");
    assertThatThrownBy(() -> builder.registryUrl("localhost:8081"))
        .hasMessageContaining("use http://host:8081 or mock://scope");
    assertThatThrownBy(() -> builder.topic("usage events"))
        .hasMessageContaining("not a valid Kafka topic name");
    assertThatThrownBy(() -> builder.maxBufferedEvents(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> builder.publishBlockTimeout(Duration.ofMillis(-1)))
        .hasMessageContaining("publishBlockTimeout");
    assertThatThrownBy(() -> builder.defaultTag("", "x")).hasMessageContaining("defaultTag");
    assertThatThrownBy(() -> builder.defaultTenant(null)).hasMessageContaining("defaultTenant");
  }

  @Test
  void shouldRequireBootstrapServersAndRegistryAtBuild() {
    assertThatThrownBy(() -> UsageClient.builder().registryUrl("mock://x").build())
        .hasMessageContaining("bootstrapServers is not set");
    assertThatThrownBy(() -> UsageClient.builder().bootstrapServers("h:1").build())
        .hasMessageContaining("registryUrl is not set");
  }

  @Test
  void shouldUseConfiguredTopicAndDefaults() {
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    try (UsageClient client =
        MockProducers.builderFor(producer)
            .topic("custom.usage")
            .defaultTenant("fallback")
            .defaultTag("service", "checkout")
            .build()) {
      client.publish(MockProducers.report(null));
      var record = MockProducers.awaitSent(producer, 1).get(0);
      assertThat(record.topic()).isEqualTo("custom.usage");
      assertThat(record.key()).isEqualTo("fallback");
      assertThat(MockProducers.value(record).getTags()).containsEntry("service", "checkout");
      assertThat(client.topic()).isEqualTo("custom.usage");
    }
  }
}
