package io.tokenmeter.schema.v1;

import io.tokenmeter.schema.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One filled-in instance of each top-level record, with every optional field set. */
final class SampleRecords {

  static final Instant EVENT_TIME = Instant.parse("2025-11-06T10:15:30.123Z");
  static final Instant PROCESSED_AT = Instant.parse("2025-11-06T10:15:31.456Z");
  static final Instant PERIOD_START = Instant.parse("2025-10-31T23:00:00Z");
  static final Instant PERIOD_END = Instant.parse("2025-11-30T23:00:00Z");

  private SampleRecords() {}

  static List<Object> all() {
    return List.of(
        usageEvent(),
        pricedUsage(),
        unpricedUsage(),
        windowedAggregate(),
        budgetDefinition(),
        budgetAlert(),
        budgetState(),
        modelPrice(),
        deadLetter());
  }

  static TokenUsage tokenUsage() {
    return TokenUsage.newBuilder()
        .setInputTokens(2_743)
        .setCacheReadTokens(1_024)
        .setCacheWriteTokens(512)
        .setCacheWrite5mTokens(256L)
        .setCacheWrite1hTokens(256L)
        .setOutputTokens(404)
        .setReasoningTokens(400)
        .setAudioInputTokens(100)
        .setCacheAudioReadTokens(24)
        .setAudioOutputTokens(2)
        .setOtherUnits(Map.of("web_search_calls", 2L, "images", 1L))
        .build();
  }

  static UsageEvent usageEvent() {
    return UsageEvent.newBuilder()
        .setEventId("0b9d1c7e-5f4a-4e0e-9a53-1f2a3b4c5d6e")
        .setEventTime(EVENT_TIME)
        .setTenantId("acme")
        .setWorkflowId("support-bot")
        .setTaskId("ticket-4711")
        .setUserId("u-42")
        .setOperation("summarize")
        .setTags(Map.of("env", "prod", "feature", "search"))
        .setProvider("anthropic")
        .setModel("claude-sonnet-4-5-20250929")
        .setServiceTier("standard")
        .setRegion("us-east-1")
        .setLatencyMs(1_234L)
        .setUsage(tokenUsage())
        .setUsageComplete(true)
        .setProviderReportedCostUsd(Money.usd("0.0090519"))
        .setProviderRequestId("msg_01XYZ")
        .build();
  }

  static CostBreakdown costBreakdown() {
    return CostBreakdown.newBuilder()
        .setUncachedInput(Money.usd("0.003303"))
        .setCacheRead(Money.usd("0.0003"))
        .setCacheAudioRead(Money.usd("0.0000072"))
        .setCacheWrite5m(Money.usd("0.00096"))
        .setCacheWrite1h(Money.usd("0.001536"))
        .setAudioInput(Money.usd("0.000000000001"))
        .setTextOutput(Money.usd("0.00003"))
        .setReasoning(Money.usd("0.006"))
        .setAudioOutput(Money.usd("0.00016"))
        .setRequestFee(Money.usd("0.01"))
        .setOtherUnits(Map.of("web_search_calls", Money.usd("0.02")))
        .build();
  }

  static PricedUsage pricedUsage() {
    return PricedUsage.newBuilder()
        .setEvent(usageEvent())
        .setPriceVersionId("anthropic/claude-sonnet-4-5/standard/global/2025-09-29T00:00:00Z")
        .setMatchedModel("claude-sonnet-4-5")
        .setServiceTier("standard")
        .setPriceTenantId("acme")
        .setLongContextThresholdTokens(200_000L)
        .setCost(costBreakdown())
        .setInputCost(Money.usd("0.006106207201"))
        .setOutputCost(Money.usd("0.00619"))
        .setTotalCost(Money.usd("12345678901234567890123456.999999999999"))
        .setPricedAt(PROCESSED_AT)
        .setUnpricedSince(EVENT_TIME)
        .build();
  }

  static UnpricedUsage unpricedUsage() {
    return UnpricedUsage.newBuilder()
        .setEvent(usageEvent())
        .setReason(UnpricedReason.NO_MATCHING_MODEL)
        .setReasonMessage("no price matches anthropic/claude-sonnet-4-5-20250929")
        .setFirstSeen(EVENT_TIME)
        .setLastAttemptAt(PROCESSED_AT)
        .build();
  }

  static WindowedAggregate windowedAggregate() {
    return WindowedAggregate.newBuilder()
        .setWindowStart(Instant.parse("2025-11-06T10:00:00Z"))
        .setWindowEnd(Instant.parse("2025-11-06T11:00:00Z"))
        .setWindowSize(WindowSize.HOUR)
        .setDimension(AggregateDimension.TENANT_MODEL)
        .setTenantId("acme")
        .setProvider("anthropic")
        .setModel("claude-sonnet-4-5")
        .setWorkflowId(null)
        .setRevision(7)
        .setIsFinal(true)
        .setEventCount(7)
        .setIncompleteUsageCount(1)
        .setTokens(tokenUsage())
        .setCost(costBreakdown())
        .setTotalCost(Money.usd("0.022296207201"))
        .setLatencyCount(6)
        .setLatencyMsSum(9_000)
        .setLatencyMsMax(3_100L)
        .setUpdatedAt(PROCESSED_AT)
        .build();
  }

  static BudgetScope scope() {
    return BudgetScope.newBuilder()
        .setKind(BudgetScopeKind.TENANT_TAG)
        .setTenantId("acme")
        .setTagKey("feature")
        .setTagValue("search")
        .build();
  }

  static BudgetDefinition budgetDefinition() {
    return BudgetDefinition.newBuilder()
        .setBudgetId("acme-search-monthly")
        .setScope(scope())
        .setPeriod(BudgetPeriod.MONTH)
        .setTimeZone("Europe/Berlin")
        .setLimitUsd(Money.usd("1500.50"))
        .setThresholdsPercent(List.of(50, 80, 100, 120))
        .setMode(BudgetMode.HARD)
        .setForecastAlerts(true)
        .setDescription("search feature, all environments")
        .setDeleted(false)
        .setUpdatedAt(EVENT_TIME)
        .build();
  }

  static BudgetAlert budgetAlert() {
    return BudgetAlert.newBuilder()
        .setAlertId("acme-search-monthly/2025-10-31T23:00:00Z/FORECAST/forecast")
        .setKind(BudgetAlertKind.FORECAST)
        .setBudgetId("acme-search-monthly")
        .setScope(scope())
        .setPeriod(BudgetPeriod.MONTH)
        .setTimeZone("Europe/Berlin")
        .setPeriodStart(PERIOD_START)
        .setPeriodEnd(PERIOD_END)
        .setMode(BudgetMode.HARD)
        .setThresholdPercent(80)
        .setSpendUsd(Money.usd("1200.400000000001"))
        .setLimitUsd(Money.usd("1500.5"))
        .setProjectedSpendUsd(Money.usd("1788.123456789012"))
        .setTriggeringEventId("0b9d1c7e-5f4a-4e0e-9a53-1f2a3b4c5d6e")
        .setTriggeringEventTime(EVENT_TIME)
        .setAlertedAt(PROCESSED_AT)
        .build();
  }

  static BudgetState budgetState() {
    return BudgetState.newBuilder()
        .setBudgetId("acme-search-monthly")
        .setScope(scope())
        .setPeriod(BudgetPeriod.MONTH)
        .setTimeZone("Europe/Berlin")
        .setPeriodStart(PERIOD_START)
        .setPeriodEnd(PERIOD_END)
        .setSpendUsd(Money.usd("1200.400000000001"))
        .setLimitUsd(Money.usd("1500.5"))
        .setStatus(BudgetStatus.WARNING)
        .setMode(BudgetMode.HARD)
        .setCountedSince(EVENT_TIME)
        .setHighestThresholdCrossed(80)
        .setUpdatedAt(PROCESSED_AT)
        .build();
  }

  static UnitPrices rates(String inputPerToken) {
    return UnitPrices.newBuilder()
        .setUncachedInputPerToken(Money.usd(inputPerToken))
        .setCacheReadPerToken(Money.usd("0.0000003"))
        .setCacheWrite5mPerToken(Money.usd("0.00000375"))
        .setCacheWrite1hPerToken(Money.usd("0.000006"))
        .setOutputPerToken(Money.usd("0.000015"))
        .setReasoningPerToken(Money.usd("0.000015"))
        .setAudioInputPerToken(Money.usd("0.000000000001"))
        .setCacheAudioReadPerToken(Money.usd("0.0000003"))
        .setAudioOutputPerToken(Money.usd("0.00008"))
        .setPerRequest(Money.usd("0.01"))
        .setOtherUnits(Map.of("web_search_calls", Money.usd("0.01")))
        .build();
  }

  static ModelPrice modelPrice() {
    return ModelPrice.newBuilder()
        .setPriceVersionId("anthropic/claude-sonnet-4-5/standard/global/2025-09-29T00:00:00Z")
        .setProvider("anthropic")
        .setModel("claude-sonnet-4-5")
        .setAliases(List.of("claude-sonnet-4-5-20250929", "anthropic.claude-sonnet-4-5"))
        .setMatchRules(
            List.of(
                ModelMatchRule.newBuilder()
                    .setKind(MatchKind.STARTS_WITH)
                    .setValue("claude-sonnet-4-5")
                    .build()))
        .setServiceTier("standard")
        .setTenantId(null)
        .setEffectiveFrom(Instant.parse("2025-09-29T00:00:00Z"))
        .setSource("genai-prices https://github.com/pydantic/genai-prices")
        .setRates(rates("0.000003"))
        .setLongContextTiers(
            List.of(
                LongContextTier.newBuilder()
                    .setThresholdInputTokens(200_000)
                    .setRates(rates("0.000006"))
                    .build()))
        .setDeleted(false)
        .build();
  }

  static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setOriginalTopic("tokenmeter.usage")
        .setOriginalPartition(3)
        .setOriginalOffset(1_234_567L)
        .setOriginalTimestamp(EVENT_TIME)
        .setKey(java.nio.ByteBuffer.wrap(new byte[] {'a', 'c', 'm', 'e'}))
        .setValue(java.nio.ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 7, 0x0A}))
        .setReason(DeadLetterReason.BAD_MAGIC_BYTE)
        .setReasonMessage("first byte is 0x01, expected 0x00")
        .setStage("stream-processor/deserialize")
        .setExceptionClass("org.apache.kafka.common.errors.SerializationException")
        .setFailedAt(PROCESSED_AT)
        .build();
  }
}
