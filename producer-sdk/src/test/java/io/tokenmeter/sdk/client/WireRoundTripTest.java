package io.tokenmeter.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.event.UsageReport;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.Test;

/** What the client sends survives the Confluent wire format field for field. */
class WireRoundTripTest {

  @Test
  void shouldReadBackExactlyTheEventThatWasSent() {
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    String body =
        "{\"id\":\"gen-9\",\"model\":\"anthropic/claude-sonnet-4.5\",\"usage\":{"
            + "\"prompt_tokens\":3194,\"completion_tokens\":212,\"cost\":0.0148695,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":2048,\"cache_write_tokens\":1000}}}";
    try (UsageClient client = MockProducers.builderFor(producer).build()) {
      client.publish(
          UsageReport.from(UsageAdapters.openRouter().extract(body))
              .tenantId("acme")
              .workflowId("wf-1")
              .tag("env", "prod")
              .latencyMs(812L)
              .build());
    }
    byte[] wire = producer.history().get(0).value();
    KafkaAvroDeserializer<UsageEvent> deserializer = new KafkaAvroDeserializer<>(UsageEvent.class);
    deserializer.configure(Map.of("schema.registry.url", MockProducers.REGISTRY), false);

    UsageEvent read = deserializer.deserialize(UsageClientBuilder.DEFAULT_TOPIC, wire);

    assertThat(wire[0]).isZero();
    assertThat(read.getTenantId()).isEqualTo("acme");
    assertThat(read.getWorkflowId()).isEqualTo("wf-1");
    assertThat(read.getTags()).containsExactly(Map.entry("env", "prod"));
    assertThat(read.getLatencyMs()).isEqualTo(812L);
    assertThat(read.getModel()).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(read.getProviderReportedCostUsd().toPlainString()).isEqualTo("0.014869500000");
    assertThat(read.getUsage().getInputTokens()).isEqualTo(3194);
  }
}
