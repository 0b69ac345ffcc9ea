package io.tokenmeter.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.PricingOutcome;
import io.tokenmeter.pricing.importer.GenaiPricesImporter;
import io.tokenmeter.pricing.importer.ImportResult;
import io.tokenmeter.pricing.importer.SharedCatalogs;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultCatalogTest {

  private static ImportResult loaded;
  private static PriceCatalog catalog;

  @BeforeAll
  static void load() {
    loaded = DefaultCatalog.load();
    catalog = PriceCatalog.of(loaded.prices());
  }

  @Test
  void shouldLoadWithoutWarningsAndCoverAtLeast400Models() {
    Set<String> models =
        loaded.prices().stream()
            .map(p -> p.getProvider() + "/" + p.getModel())
            .collect(Collectors.toSet());

    assertThat(loaded.warnings()).isEmpty();
    assertThat(models).hasSizeGreaterThanOrEqualTo(400);
    assertThat(loaded.prices()).allMatch(p -> !p.getSource().isBlank());
  }

  @Test
  void shouldHoldExactlyWhatTheGenaiPricesImporterReads() throws IOException {
    SharedCatalogs.assumePresent();
    List<PriceVersion> genai =
        new GenaiPricesImporter()
            .read(SharedCatalogs.GENAI_PRICES).prices().stream().map(AvroPrices::fromAvro).toList();
    List<PriceVersion> shipped = loaded.prices().stream().map(AvroPrices::fromAvro).toList();

    assertThat(shipped).containsAll(genai);
  }

  /** Hand-computed: tokens x price per million / 1,000,000. */
  @ParameterizedTest(name = "{0} {1} {2} -> {5}")
  @CsvSource({
    // 2743 x $3 + 4 x $15
    "anthropic,claude-sonnet-4-5-20250929,,2743,4,0.008289",
    // 1000 x $2.50 + 500 x $10
    "openai,gpt-4o-2024-08-06,,1000,500,0.0075",
    // LiteLLM's batch variant: 1000 x $1.25 + 500 x $5
    "openai,gpt-4o-2024-08-06,batch,1000,500,0.00375",
    // Bedrock regional endpoints cost 10% more: 2743 x $3.30 + 4 x $16.50
    "aws-bedrock,us.anthropic.claude-sonnet-4-5-20250929-v1:0,,2743,4,0.0091179",
    // over 200k input tokens the whole request at $2.50 / $15
    "google,gemini-2.5-pro,,250000,1000,0.64",
  })
  void shouldPriceKnownModelsExactly(
      String provider, String model, String tier, long input, long output, String total) {
    UsageEvent event =
        UsageEvent.newBuilder()
            .setEventId("e")
            .setEventTime(Instant.parse("2025-11-06T12:00:00Z"))
            .setTenantId("t")
            .setProvider(provider)
            .setModel(model)
            .setServiceTier(tier)
            .setUsage(
                TokenUsage.newBuilder()
                    .setInputTokens(input)
                    .setOutputTokens(output)
                    .setOtherUnits(Map.of())
                    .build())
            .setUsageComplete(true)
            .build();

    PricingOutcome outcome = catalog.price(event);

    assertThat(outcome).isInstanceOf(PricingOutcome.Priced.class);
    assertThat(((PricingOutcome.Priced) outcome).cost().totalCost()).isEqualByComparingTo(total);
  }
}
