package io.tokenmeter.processor.testing;

import io.tokenmeter.schema.v1.CostBreakdown;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Builders of valid usage and priced events for tests; change one field with toBuilder. */
public final class TestEvents {
  private TestEvents() {}

  public static TokenUsage.Builder usage(long input, long output) {
    return TokenUsage.newBuilder().setInputTokens(input).setOutputTokens(output);
  }

  public static UsageEvent.Builder event(String eventId, String tenant, Instant eventTime) {
    return UsageEvent.newBuilder()
        .setEventId(eventId)
        .setEventTime(eventTime)
        .setTenantId(tenant)
        .setProvider("openai")
        .setModel("gpt-4o-2024-08-06")
        .setUsage(usage(1000, 100).build())
        .setUsageComplete(true);
  }

  /** A priced event whose input and output cost are given; every other category is zero. */
  public static PricedUsage priced(UsageEvent event, String inputCost, String outputCost) {
    BigDecimal input = money(inputCost);
    BigDecimal output = money(outputCost);
    BigDecimal zero = money("0");
    CostBreakdown cost =
        CostBreakdown.newBuilder()
            .setUncachedInput(input)
            .setCacheRead(zero)
            .setCacheAudioRead(zero)
            .setCacheWrite5m(zero)
            .setCacheWrite1h(zero)
            .setAudioInput(zero)
            .setTextOutput(output)
            .setReasoning(zero)
            .setAudioOutput(zero)
            .setRequestFee(zero)
            .setOtherUnits(Map.of())
            .build();
    return PricedUsage.newBuilder()
        .setEvent(event)
        .setPriceVersionId("openai/gpt-4o/standard/global/2024-08-06T00:00:00Z")
        .setMatchedModel("gpt-4o")
        .setServiceTier("standard")
        .setCost(cost)
        .setInputCost(input)
        .setOutputCost(output)
        .setTotalCost(input.add(output))
        .setPricedAt(event.getEventTime())
        .build();
  }

  public static BigDecimal money(String value) {
    return new BigDecimal(value).setScale(12);
  }
}
