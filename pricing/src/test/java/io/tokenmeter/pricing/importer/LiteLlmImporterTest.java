package io.tokenmeter.pricing.importer;

import static io.tokenmeter.pricing.importer.RateAssertions.assertPerMillion;
import static io.tokenmeter.pricing.importer.RateAssertions.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.model.PriceVersion;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiteLlmImporterTest {

  private static ImportResult result;

  @BeforeAll
  static void importRealCopy() throws IOException {
    SharedCatalogs.assumePresent();
    result = new LiteLlmImporter().read(SharedCatalogs.LITELLM);
  }

  @Test
  void shouldCountImportedAndSkippedEntries() {
    // 2,985 keys: sample_spec and last_updated are documentation, 462 have no per-token price
    // (images, seconds...), 107 repeat a provider + model + tier already imported.
    assertThat(result.prices()).hasSize(2656);
    assertThat(result.warnings()).filteredOn(w -> w.reason().contains("documentation")).hasSize(2);
    assertThat(result.warnings()).filteredOn(w -> w.reason().contains("no per-token")).hasSize(462);
    assertThat(result.warnings()).filteredOn(w -> w.reason().contains("same model")).hasSize(107);
    assertThat(result.prices()).filteredOn(p -> p.getServiceTier().equals("batch")).hasSize(91);
    assertThat(result.prices()).filteredOn(p -> p.getServiceTier().equals("priority")).hasSize(85);
    assertThat(result.prices()).filteredOn(p -> p.getServiceTier().equals("flex")).hasSize(27);
  }

  @Test
  void shouldImportClaudeSonnet45WithItsLongContextTier() {
    // input_cost_per_token 3e-06, cache_read 3e-07, cache_creation 3.75e-06, _above_1hr 6e-06,
    // output 1.5e-05; the *_above_200k_tokens fields double input and make output 2.25e-05.
    PriceVersion sonnet =
        find(result.prices(), "anthropic/claude-sonnet-4-5/standard/global/1970-01-01T00:00:00Z");

    assertPerMillion(sonnet.rates(), "3", "0.3", "3.75", "6", "15");
    assertThat(sonnet.longContextTiers()).hasSize(1);
    assertThat(sonnet.longContextTiers().get(0).thresholdInputTokens()).isEqualTo(200_000);
    assertPerMillion(sonnet.longContextTiers().get(0).rates(), "6", "0.6", "7.5", "12", "22.5");
  }

  @Test
  void shouldImportGpt4oWithBatchAndPriorityVariants() {
    String prefix = "openai/gpt-4o/";
    String suffix = "/global/1970-01-01T00:00:00Z";

    assertPerMillion(
        find(result.prices(), prefix + "standard" + suffix).rates(),
        "2.5",
        "1.25",
        null,
        null,
        "10");
    // *_batches halves input and output; the cache read rate has no batch value and stays.
    assertPerMillion(
        find(result.prices(), prefix + "batch" + suffix).rates(), "1.25", "1.25", null, null, "5");
    assertPerMillion(
        find(result.prices(), prefix + "priority" + suffix).rates(),
        "4.25",
        "2.125",
        null,
        null,
        "17");
  }

  @Test
  void shouldStripTheRoutingPrefixOfItsOwnProvider() {
    PriceVersion gemini =
        find(result.prices(), "google/gemini-2.5-pro/standard/global/1970-01-01T00:00:00Z");

    assertThat(gemini.rates().uncachedInput()).isEqualByComparingTo("0.00000125");
    assertThat(gemini.longContextTiers().get(0).rates().output()).isEqualByComparingTo("0.000015");
  }
}
