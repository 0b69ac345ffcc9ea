package io.tokenmeter.e2e;

import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic mix of usage events: four tenants, three priced models (plain, reasoning, cache
 * writes with a request fee), a price change in the middle, and exactly one event of a model that
 * has no price yet. Event times are in the past, so the SDK's future-skew check accepts them.
 */
final class Workload {

  static final Instant START = Instant.parse("2026-01-20T10:00:00Z");
  static final Duration SPACING = Duration.ofMillis(300);
  static final int TENANTS = 4;

  /** Index of the one event whose model is priced only later. */
  static final int LATE_INDEX = 7;

  private Workload() {}

  /** The first tenant, which also has its own gpt-4o price. */
  static String firstTenant(String tenantPrefix) {
    return tenantPrefix + "t0";
  }

  static List<UsageEvent> events(String tenantPrefix, String idPrefix, int count) {
    List<UsageEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(event(tenantPrefix, idPrefix, i));
    }
    return events;
  }

  static UsageEvent event(String tenantPrefix, String idPrefix, int i) {
    long input = 1_000L + 37L * i;
    long output = 50L + 11L * (i % 97);
    UsageEvent.Builder event =
        UsageEvent.newBuilder()
            .setEventId(idPrefix + i)
            .setEventTime(START.plus(SPACING.multipliedBy(i)))
            .setTenantId(tenantPrefix + "t" + (i % TENANTS))
            .setWorkflowId("wf-" + (i % 3))
            .setUsageComplete(true);
    TokenUsage.Builder usage =
        TokenUsage.newBuilder().setInputTokens(input).setOutputTokens(output);
    if (i == LATE_INDEX) {
      event.setProvider("openai").setModel(TestCatalog.LATE_MODEL);
    } else if (i % 3 == 0) {
      event.setProvider("openai").setModel("gpt-4o-2024-08-06");
      usage.setCacheReadTokens(i % 500);
    } else if (i % 3 == 1) {
      event.setProvider("openai").setModel("o3");
      usage.setCacheReadTokens(i % 200).setReasoningTokens(output / 2);
    } else {
      long writes5m = i % 100;
      long writes1h = i % 50;
      event.setProvider("anthropic").setModel("claude-sonnet-4-5");
      usage
          .setCacheReadTokens(i % 300)
          .setCacheWriteTokens(writes5m + writes1h)
          .setCacheWrite5mTokens(writes5m)
          .setCacheWrite1hTokens(writes1h);
    }
    return event.setUsage(usage.build()).build();
  }
}
