package io.tokenmeter.sdk.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.adapter.NormalizedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import io.tokenmeter.sdk.validation.InvalidUsageEventException;
import io.tokenmeter.sdk.validation.UsageEventValidator;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageEventFactoryTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00.123456789Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final UsageEventFactory factory =
      new UsageEventFactory(
          clock,
          new UuidV7Generator(clock, new SecureRandom()),
          new UsageEventValidator(clock),
          "default-tenant",
          Map.of("env", "prod", "team", "search"));

  private static UsageReport.Builder minimal() {
    return UsageReport.builder()
        .provider("openai")
        .model("gpt-4o")
        .usage(NormalizedUsage.builder().inputTokens(10).outputTokens(2).build());
  }

  @Test
  void shouldGenerateTimeOrderedIdAndTimeWhenAbsent() {
    UsageEvent event = factory.create(minimal().build());
    UUID id = UUID.fromString(event.getEventId());
    assertThat(id.version()).isEqualTo(7);
    assertThat(event.getEventTime()).isEqualTo(Instant.parse("2026-11-22T12:00:00.123Z"));
  }

  @Test
  void shouldKeepCallersIdSoRetriesStayIdempotent() {
    UsageEvent first = factory.create(minimal().eventId("call-42").build());
    UsageEvent retry = factory.create(minimal().eventId("call-42").build());
    assertThat(first.getEventId()).isEqualTo("call-42");
    assertThat(retry.getEventId()).isEqualTo("call-42");
  }

  @Test
  void shouldApplyDefaultTenantAndMergeTagsWithCallerWinning() {
    UsageEvent event = factory.create(minimal().tag("env", "staging").tag("k", "v").build());
    assertThat(event.getTenantId()).isEqualTo("default-tenant");
    assertThat(event.getTags())
        .containsExactlyInAnyOrderEntriesOf(Map.of("env", "staging", "team", "search", "k", "v"));
    UsageEvent own = factory.create(minimal().tenantId("acme").build());
    assertThat(own.getTenantId()).isEqualTo("acme");
  }

  @Test
  void shouldCarryEverythingAnAdapterExtracted() {
    String body =
        "{\"id\":\"gen-1\",\"model\":\"openai/gpt-4o\",\"usage\":{\"prompt_tokens\":100,"
            + "\"completion_tokens\":20,\"cost\":0.00125,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":64}}}";
    UsageReport report =
        UsageReport.from(UsageAdapters.openRouter().extract(body)).tenantId("acme").build();
    UsageEvent event = factory.create(report);
    assertThat(event.getProvider()).isEqualTo("openrouter");
    assertThat(event.getModel()).isEqualTo("openai/gpt-4o");
    assertThat(event.getProviderRequestId()).isEqualTo("gen-1");
    assertThat(event.getUsageComplete()).isTrue();
    assertThat(event.getProviderReportedCostUsd()).isEqualTo(new BigDecimal("0.001250000000"));
    assertThat(event.getUsage().getInputTokens()).isEqualTo(100);
    assertThat(event.getUsage().getCacheReadTokens()).isEqualTo(64);
    assertThat(event.getUsage().getOutputTokens()).isEqualTo(20);
  }

  @Test
  void shouldRejectMissingModelBeforeAnythingIsSent() {
    assertThatThrownBy(() -> factory.create(minimal().model(null).build()))
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessageContaining("model = null");
  }

  @Test
  void shouldRejectMissingUsage() {
    assertThatThrownBy(() -> factory.create(minimal().usage(null).build()))
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessageContaining("usage = null");
  }

  @Test
  void shouldRejectCostWithMoreDecimalsThanTheContractHolds() {
    UsageReport report =
        minimal().providerReportedCostUsd(new BigDecimal("0.0000000000001")).build();
    assertThatThrownBy(() -> factory.create(report))
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessageContaining("provider_reported_cost_usd");
  }
}
