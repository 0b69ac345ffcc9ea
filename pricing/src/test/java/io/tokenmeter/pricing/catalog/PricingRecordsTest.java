package io.tokenmeter.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UnpricedReason;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingRecordsTest {

  private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");

  private static UsageEvent event(long input) {
    return UsageEvent.newBuilder()
        .setEventId("e")
        .setEventTime(NOW.minusSeconds(1))
        .setTenantId("acme")
        .setProvider("anthropic")
        .setModel("claude-x-20250101")
        .setUsage(
            TokenUsage.newBuilder()
                .setInputTokens(input)
                .setOutputTokens(10)
                .setOtherUnits(Map.of())
                .build())
        .setUsageComplete(true)
        .build();
  }

  @Test
  void shouldBuildAPricedRecordThatSurvivesAvroEncoding() throws IOException {
    PriceVersion version =
        new PriceVersion(
            "anthropic/claude-x/standard/acme/2025-01-01T00:00:00Z",
            "anthropic",
            "claude-x",
            List.of(),
            List.of(),
            null,
            "acme",
            Instant.parse("2025-01-01T00:00:00Z"),
            "contract",
            UnitRates.of(new BigDecimal("0.000001"), new BigDecimal("0.000002")),
            List.of(
                new ContextTier(
                    100, UnitRates.of(new BigDecimal("0.000002"), new BigDecimal("0.000004")))),
            false);
    PriceCatalog catalog = new PriceCatalog();
    catalog.upsertVersions(List.of(version));
    UsageEvent event = event(101);

    PricingOutcome.Priced priced = (PricingOutcome.Priced) catalog.price(event);
    PricedUsage record = PricingRecords.priced(event, priced, NOW, null);
    PricedUsage decoded = PricedUsage.fromByteBuffer(record.toByteBuffer());

    assertThat(decoded.getPriceVersionId()).isEqualTo(version.versionId());
    assertThat(decoded.getMatchedModel()).isEqualTo("claude-x");
    assertThat(decoded.getPriceTenantId()).isEqualTo("acme");
    assertThat(decoded.getLongContextThresholdTokens()).isEqualTo(100L);
    // 101 x 0.000002 + 10 x 0.000004
    assertThat(decoded.getTotalCost()).isEqualTo(new BigDecimal("0.000242000000"));
    assertThat(decoded.getInputCost().add(decoded.getOutputCost()))
        .isEqualTo(decoded.getTotalCost());
    assertThat(decoded.getEvent()).isEqualTo(event);
  }

  @Test
  void shouldBuildAnUnpricedRecordWithItsReason() throws IOException {
    UsageEvent event = event(5);
    Unpriced unpriced = (Unpriced) new PriceCatalog().price(event);

    UnpricedUsage record = PricingRecords.unpriced(event, unpriced, NOW, NOW);
    UnpricedUsage decoded = UnpricedUsage.fromByteBuffer(record.toByteBuffer());

    assertThat(decoded.getReason()).isEqualTo(UnpricedReason.NO_MATCHING_MODEL);
    assertThat(decoded.getReasonMessage()).contains("claude-x-20250101");
  }
}
