package io.tokenmeter.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.match.NameRule;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UnpricedReason;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceCatalogTest {

  private static final Instant JAN = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant JUN = Instant.parse("2025-06-01T00:00:00Z");

  private static ModelPrice price(
      String provider, String model, String tier, String tenant, Instant from, String input) {
    UnitRates rates = UnitRates.of(new BigDecimal(input), new BigDecimal("0.00001"));
    return AvroPrices.toAvro(
        new PriceVersion(
            PriceVersion.versionIdOf(provider, model, tier, tenant, from),
            provider,
            model,
            List.of(),
            List.of(NameRule.startsWith(model + "-")),
            tier,
            tenant,
            from,
            "test",
            rates,
            List.of(),
            false));
  }

  private static String resolvedId(Resolution resolution) {
    assertThat(resolution).isInstanceOf(Resolution.Found.class);
    return ((Resolution.Found) resolution).version().versionId();
  }

  private final PriceCatalog catalog =
      PriceCatalog.of(
          List.of(
              price("openai", "gpt-4o", null, null, JAN, "0.000005"),
              price("openai", "gpt-4o", null, null, JUN, "0.0000025"),
              price("openai", "gpt-4o", "batch", null, JAN, "0.00000125"),
              price("openai", "gpt-4o", null, "acme", JUN, "0.000002"),
              price("anthropic", "claude-sonnet-4-5", null, null, JAN, "0.000003")));

  @Test
  void shouldPickTheLatestVersionEffectiveAtTheEventTime() {
    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "t1", JUN.minusMillis(1))))
        .isEqualTo("openai/gpt-4o/standard/global/2025-01-01T00:00:00Z");
    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "t1", JUN)))
        .isEqualTo("openai/gpt-4o/standard/global/2025-06-01T00:00:00Z");
  }

  @Test
  void shouldPreferTheTenantsPriceOnceItIsInForce() {
    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "acme", JUN)))
        .isEqualTo("openai/gpt-4o/standard/acme/2025-06-01T00:00:00Z");
    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "acme", JAN)))
        .isEqualTo("openai/gpt-4o/standard/global/2025-01-01T00:00:00Z");
  }

  @Test
  void shouldPriceAServiceTierOnlyWithItsOwnVariant() {
    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o-2024-08-06", "batch", "t", JUN)))
        .isEqualTo("openai/gpt-4o/batch/global/2025-01-01T00:00:00Z");
    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", "default", "t", JUN)))
        .isEqualTo("openai/gpt-4o/standard/global/2025-06-01T00:00:00Z");
    Resolution priority = catalog.resolve("openai", "gpt-4o", "priority", "t", JUN);
    assertThat(priority).isInstanceOf(Unpriced.class);
    assertThat(((Unpriced) priority).reason()).isEqualTo(UnpricedReason.NO_PRICE_FOR_SERVICE_TIER);
    assertThat(((Unpriced) priority).message()).contains("[batch, standard]", "priority");
  }

  @Test
  void shouldExplainWhyAnEventIsUnpriced() {
    assertThat(catalog.resolve("openai", "gpt-9", null, "t", JUN))
        .isEqualTo(
            new Unpriced(
                UnpricedReason.NO_MATCHING_MODEL,
                "no price matches model 'gpt-9' of provider 'openai'"));
    Resolution early = catalog.resolve("openai", "gpt-4o", null, "t", JAN.minusSeconds(1));
    assertThat(((Unpriced) early).reason()).isEqualTo(UnpricedReason.NO_PRICE_AT_EVENT_TIME);
  }

  @Test
  void shouldResolveARememberedNameAgainAtEachEventTimeTenantAndTier() {
    for (int round = 0; round < 3; round++) {
      assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "t1", JUN.minusMillis(1))))
          .isEqualTo("openai/gpt-4o/standard/global/2025-01-01T00:00:00Z");
      assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "acme", JUN)))
          .isEqualTo("openai/gpt-4o/standard/acme/2025-06-01T00:00:00Z");
      assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", "batch", "t", JUN)))
          .isEqualTo("openai/gpt-4o/batch/global/2025-01-01T00:00:00Z");
      assertThat(catalog.resolve("openai", "gpt-9", null, "t", JUN)).isInstanceOf(Unpriced.class);
    }
  }

  @Test
  void shouldKeepResolvingNamesBeyondTheMemoLimit() {
    for (int i = 0; i < CatalogSnapshot.MATCH_MEMO_LIMIT + 10; i++) {
      assertThat(catalog.resolve("openai", "unknown-" + i, null, "t", JUN))
          .isInstanceOf(Unpriced.class);
    }

    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "t1", JUN)))
        .isEqualTo("openai/gpt-4o/standard/global/2025-06-01T00:00:00Z");
  }

  @Test
  void shouldFallBackFromAzureToTheOriginProvider() {
    assertThat(resolvedId(catalog.resolve("azure", "gpt-4o", null, "t", JUN)))
        .isEqualTo("openai/gpt-4o/standard/global/2025-06-01T00:00:00Z");
    assertThat(((Unpriced) catalog.resolve("Azure-OpenAI", "gpt-9", null, "t", JUN)).message())
        .contains("provider 'azure'");
  }

  @Test
  void shouldApplyUpsertsAndRemovalsToLaterResolutions() {
    catalog.upsert(price("openai", "gpt-4o", null, null, JUN.plusSeconds(60), "0.000001"));
    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "t", JUN.plusSeconds(60))))
        .isEqualTo("openai/gpt-4o/standard/global/2025-06-01T00:01:00Z");

    assertThat(catalog.remove("openai/gpt-4o/standard/global/2025-06-01T00:01:00Z")).isTrue();
    assertThat(resolvedId(catalog.resolve("openai", "gpt-4o", null, "t", JUN.plusSeconds(60))))
        .isEqualTo("openai/gpt-4o/standard/global/2025-06-01T00:00:00Z");

    ModelPrice withdrawn = price("anthropic", "claude-sonnet-4-5", null, null, JAN, "0.000003");
    withdrawn.setDeleted(true);
    catalog.upsert(withdrawn);
    assertThat(catalog.resolve("anthropic", "claude-sonnet-4-5", null, "t", JUN))
        .isInstanceOf(Unpriced.class);
  }

  @Test
  void shouldPriceAnEventOrSayWhyNot() {
    UsageEvent event = event("gpt-4o-2024-08-06", true, Map.of());

    PricingOutcome outcome = catalog.price(event);

    assertThat(outcome).isInstanceOf(PricingOutcome.Priced.class);
    PricingOutcome.Priced priced = (PricingOutcome.Priced) outcome;
    // 1000 x 0.0000025 + 100 x 0.00001
    assertThat(priced.cost().totalCost()).isEqualTo(new BigDecimal("0.003500000000"));
    assertThat(priced.version().versionId())
        .isEqualTo("openai/gpt-4o/standard/global/2025-06-01T00:00:00Z");
    assertThat(((Unpriced) catalog.price(event("gpt-4o", false, Map.of()))).reason())
        .isEqualTo(UnpricedReason.USAGE_INCOMPLETE);
    assertThat(((Unpriced) catalog.price(event("gpt-4o", true, Map.of("images", 1L)))).reason())
        .isEqualTo(UnpricedReason.UNIT_NOT_PRICED);
  }

  private static UsageEvent event(String model, boolean complete, Map<String, Long> units) {
    return UsageEvent.newBuilder()
        .setEventId("e1")
        .setEventTime(JUN.plusSeconds(5))
        .setTenantId("t1")
        .setProvider("openai")
        .setModel(model)
        .setUsage(
            TokenUsage.newBuilder()
                .setInputTokens(1000)
                .setOutputTokens(100)
                .setOtherUnits(units)
                .build())
        .setUsageComplete(complete)
        .build();
  }
}
