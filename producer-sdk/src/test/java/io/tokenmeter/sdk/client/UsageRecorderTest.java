package io.tokenmeter.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.Test;

class UsageRecorderTest {
  private static final String BODY =
      "{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-5-20250929\",\"usage\":{\"input_tokens\":10,"
          + "\"cache_read_input_tokens\":90,\"output_tokens\":7}}";

  /** Advances by a fixed step on every read, so the measured latency is known exactly. */
  private static final class SteppingClock extends Clock {
    private Instant now = MockProducers.NOW;
    private final Duration step;

    SteppingClock(Duration step) {
      this.step = step;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      Instant current = now;
      now = now.plus(step);
      return current;
    }
  }

  @Test
  void shouldPublishUsageWithAttributionAndMeasuredLatency() throws Exception {
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    try (UsageClient client = MockProducers.builderFor(producer).build()) {
      UsageRecorder recorder = new UsageRecorder(client, new SteppingClock(Duration.ofMillis(250)));

      Metered<String> metered =
          recorder.call(
              UsageAdapters.anthropic(),
              Function.identity(),
              report -> report.tenantId("acme").workflowId("wf").userId("u1").operation("chat"),
              () -> BODY);

      assertThat(metered.response()).isEqualTo(BODY);
      assertThat(metered.published().get().eventId()).isNotBlank();
      UsageEvent sent = MockProducers.value(producer.history().get(0));
      assertThat(sent.getLatencyMs()).isEqualTo(250L);
      assertThat(sent.getUsage().getInputTokens()).isEqualTo(100);
      assertThat(sent.getWorkflowId()).isEqualTo("wf");
      assertThat(sent.getUserId()).isEqualTo("u1");
      assertThat(sent.getOperation()).isEqualTo("chat");
      assertThat(sent.getProviderRequestId()).isEqualTo("msg_1");
    }
  }

  @Test
  void shouldReportAnInvalidEventThroughTheResultWithoutFailingTheCall() throws Exception {
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    try (UsageClient client = MockProducers.builderFor(producer).build()) {
      UsageRecorder recorder = new UsageRecorder(client, Clock.systemUTC());
      // No tenant anywhere: the event is invalid, the caller still gets its response.
      Metered<String> metered =
          recorder.call(UsageAdapters.anthropic(), Function.identity(), r -> r, () -> BODY);

      assertThat(metered.response()).isEqualTo(BODY);
      assertThatThrownBy(() -> metered.published().get())
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("tenant_id");
      assertThat(producer.history()).isEmpty();
    }
  }

  @Test
  void shouldPropagateTheProviderCallsExceptionAndPublishNothing() {
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    try (UsageClient client = MockProducers.builderFor(producer).build()) {
      UsageRecorder recorder = new UsageRecorder(client, Clock.systemUTC());
      assertThatThrownBy(
              () ->
                  recorder.call(
                      UsageAdapters.anthropic(),
                      Function.<String>identity(),
                      r -> r.tenantId("acme"),
                      () -> {
                        throw new IOException("connection reset");
                      }))
          .isInstanceOf(IOException.class);
      assertThat(producer.history()).isEmpty();
    }
  }
}
