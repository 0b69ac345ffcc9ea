package io.tokenmeter.pricing.importer;

import static io.tokenmeter.pricing.importer.RateAssertions.assertPerMillion;
import static io.tokenmeter.pricing.importer.RateAssertions.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.model.PriceVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GenaiPricesImporterTest {

  private static ImportResult result;

  @BeforeAll
  static void importRealCopy() throws IOException {
    SharedCatalogs.assumePresent();
    result = new GenaiPricesImporter().read(SharedCatalogs.GENAI_PRICES);
  }

  @Test
  void shouldImportEveryModelOfTheSnapshot() {
    // 1,466 models in 36 providers; 13 start-date changes add versions; nothing is skipped.
    assertThat(result.prices()).hasSize(1479);
    assertThat(result.warnings()).noneMatch(w -> w.reason().startsWith("skipped"));
    assertThat(result.warnings()).filteredOn(w -> w.reason().contains("rounded")).hasSize(7);
    assertThat(result.warnings()).filteredOn(w -> w.reason().contains("free")).hasSize(157);
  }

  @Test
  void shouldImportClaudeSonnet45WithItsLongContextTier() {
    // data.json: input 3, cache_write 3.75, cache_read 0.3, output 15, cache_write_1h 6 per MTok;
    // every field has a tier starting at 200000; web_searches_kcount 10.
    PriceVersion sonnet =
        find(result.prices(), "anthropic/claude-sonnet-4-5/standard/global/1970-01-01T00:00:00Z");

    assertPerMillion(sonnet.rates(), "3", "0.3", "3.75", "6", "15");
    assertThat(sonnet.rates().otherUnits())
        .containsEntry("web_search_calls", new BigDecimal("0.010000000000"));
    assertThat(sonnet.longContextTiers()).hasSize(1);
    assertThat(sonnet.longContextTiers().get(0).thresholdInputTokens()).isEqualTo(200_000);
    assertPerMillion(sonnet.longContextTiers().get(0).rates(), "6", "0.6", "7.5", "12", "22.5");
    assertThat(sonnet.matchRules())
        .extracting(r -> r.value())
        .containsExactly("claude-sonnet-4-5", "claude-sonnet-4.5");
    assertThat(sonnet.source()).startsWith("genai-prices https://");
  }

  @Test
  void shouldImportGpt4oWithItsSnapshotsAsAliases() {
    PriceVersion gpt4o =
        find(result.prices(), "openai/gpt-4o/standard/global/1970-01-01T00:00:00Z");

    assertPerMillion(gpt4o.rates(), "2.5", "1.25", null, null, "10");
    assertThat(gpt4o.aliases())
        .containsExactly("gpt-4o-2024-05-13", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20");
  }

  @Test
  void shouldTurnDatedPricesIntoHistory() {
    PriceVersion before =
        find(result.prices(), "anthropic/claude-opus-4-6/standard/global/1970-01-01T00:00:00Z");
    PriceVersion after =
        find(result.prices(), "anthropic/claude-opus-4-6/standard/global/2026-03-13T00:00:00Z");

    assertThat(before.longContextTiers()).hasSize(1);
    assertThat(after.effectiveFrom()).isEqualTo(Instant.parse("2026-03-13T00:00:00Z"));
    assertThat(after.longContextTiers()).isEmpty();
    assertPerMillion(after.rates(), "5", "0.5", "6.25", "10", "25");
  }

  @Test
  void shouldUseDeepseeksSixteenHourPriceAllDay() {
    PriceVersion chat =
        find(result.prices(), "deepseek/deepseek-chat/standard/global/1970-01-01T00:00:00Z");

    assertPerMillion(chat.rates(), "0.27", "0.07", null, null, "1.1");
  }

  @Test
  void shouldMapProviderIdsToCanonicalOnes() {
    assertThat(result.prices()).anyMatch(p -> p.getProvider().equals("aws-bedrock"));
    assertThat(result.prices()).noneMatch(p -> p.getProvider().equals("aws"));
    assertThat(result.prices()).anyMatch(p -> p.getProvider().equals("xai"));
  }

  @Test
  void shouldTurnAnAndClauseIntoOneLookaheadRegex() throws IOException {
    String json =
        "[{\"id\":\"p\",\"models\":[{\"id\":\"m\",\"match\":{\"and\":[{\"starts_with\":\"a\"},"
            + "{\"contains\":\"b\"}]},\"prices\":{\"input_mtok\":1,\"output_mtok\":2}}]}]";

    ImportResult small =
        new GenaiPricesImporter()
            .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

    PriceVersion version = find(small.prices(), "p/m/standard/global/1970-01-01T00:00:00Z");
    assertThat(version.matchRules()).hasSize(1);
    assertThat(version.matchRules().get(0).matches("axxbxx")).isTrue();
    assertThat(version.matchRules().get(0).matches("xxbxx")).isFalse();
    assertThat(version.matchRules().get(0).matches("axxx")).isFalse();
  }
}
