package io.tokenmeter.pricing.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.Resolution;
import io.tokenmeter.pricing.cost.CostCalculator;
import io.tokenmeter.pricing.cost.CostResult;
import io.tokenmeter.schema.v1.TokenUsage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares tokenmeter's prices, from its import of genai-prices' data.json, with genai-prices' own
 * implementation: src/test/oracle/genai-prices-oracle.mjs (its header has the command) ran npm
 * {@code @pydantic/genai-prices} 0.1.8 on the same data.json and wrote genai-prices-oracle.csv.
 * genai-prices computes with doubles, so a figure agrees when it is within 1e-12 USD (or 1e-14
 * relative) of the exact decimal.
 */
class GenaiPricesOracleTest {

  private static final String ORACLE = "/io/tokenmeter/pricing/genai-prices-oracle.csv";
  private static final BigDecimal ABSOLUTE = new BigDecimal("1e-12");
  private static final BigDecimal RELATIVE = new BigDecimal("1e-14");

  /** The usages of genai-prices-oracle.mjs, by id, in TokenUsage's meaning. */
  private static final Map<String, TokenUsage> USAGES =
      Map.of(
          "small", usage(2743, 0, 0, 4),
          "long", usage(250_000, 50_000, 10_000, 3000),
          "cached", usage(12_000, 3000, 2000, 700),
          "audio",
              TokenUsage.newBuilder(usage(5000, 1000, 0, 800))
                  .setAudioInputTokens(2000)
                  .setCacheAudioReadTokens(300)
                  .setAudioOutputTokens(500)
                  .build(),
          "reasoning",
              TokenUsage.newBuilder(usage(1000, 0, 0, 900)).setReasoningTokens(600).build(),
          "search",
              TokenUsage.newBuilder(usage(1000, 0, 0, 100))
                  .setOtherUnits(Map.of("web_search_calls", 3L))
                  .build());

  /**
   * A per-million price such as 0.08333333333333334 needs more than the contract's 12 decimals per
   * token; the importer rounds it (HALF_EVEN, with a warning), which moves a cost by at most half a
   * unit of the 12th decimal per token: 5e-13 x 260,000 tokens here.
   */
  private static final BigDecimal ROUNDED_RATE_TOLERANCE = new BigDecimal("1.3e-7");

  private static PriceCatalog catalog;
  private static Set<String> roundedModels;

  @BeforeAll
  static void importGenaiPrices() throws IOException {
    SharedCatalogs.assumePresent();
    ImportResult imported = new GenaiPricesImporter().read(SharedCatalogs.GENAI_PRICES);
    catalog = PriceCatalog.of(imported.prices());
    roundedModels =
        imported.warnings().stream()
            .filter(w -> w.reason().contains("rounded"))
            .map(ImportWarning::entry)
            .collect(Collectors.toSet());
  }

  private static TokenUsage usage(long input, long cacheRead, long cacheWrite, long output) {
    return TokenUsage.newBuilder()
        .setInputTokens(input)
        .setCacheReadTokens(cacheRead)
        .setCacheWriteTokens(cacheWrite)
        .setOutputTokens(output)
        .setOtherUnits(Map.of())
        .build();
  }

  @Test
  void shouldReproduceTheEnvironmentsReferenceFigureForClaudeOnBedrock() {
    // environment.md: genai-prices gave 0.0090519 / 0.000066 for 2,743 in, 4 out on aws.
    CostResult cost =
        price(
            "aws-bedrock",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "small",
            Instant.parse("2025-11-06T00:00:00Z"));

    assertThat(cost.inputCost()).isEqualByComparingTo("0.0090519");
    assertThat(cost.outputCost()).isEqualByComparingTo("0.000066");
  }

  @Test
  void shouldAgreeWithGenaiPricesOnEveryModelItPrices() throws IOException {
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    try (InputStream in = GenaiPricesOracleTest.class.getResourceAsStream(ORACLE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",");
        if (cells[4].equals("null") || cells[4].equals("error")) {
          continue; // genai-prices finds no price for this name: nothing to compare
        }
        compared++;
        String problem = compare(cells);
        if (problem != null) {
          disagreements.add(line + " -> " + problem);
        }
      }
    }
    assertThat(compared).isGreaterThan(4600);
    assertThat(disagreements).as("%d of %d disagree", disagreements.size(), compared).isEmpty();
  }

  private static String compare(String[] cells) {
    Resolution resolution =
        catalog.resolve(cells[0], cells[1], null, "tenant", Instant.parse(cells[3]));
    if (!(resolution instanceof Resolution.Found found)) {
      return "unpriced: " + resolution;
    }
    CostResult cost = new CostCalculator().price(USAGES.get(cells[2]), found.version());
    BigDecimal tolerance =
        roundedModels.contains(cells[0] + "/" + cells[1]) ? ROUNDED_RATE_TOLERANCE : null;
    if (!close(cost.inputCost(), cells[4], tolerance)
        || !close(cost.outputCost(), cells[5], tolerance)
        || !close(cost.totalCost(), cells[6], tolerance)) {
      return found.version().versionId()
          + " "
          + cost.inputCost().toPlainString()
          + " / "
          + cost.outputCost().toPlainString();
    }
    return null;
  }

  private static CostResult price(String provider, String model, String usage, Instant at) {
    Resolution resolution = catalog.resolve(provider, model, null, "tenant", at);
    assertThat(resolution).isInstanceOf(Resolution.Found.class);
    return new CostCalculator().price(USAGES.get(usage), ((Resolution.Found) resolution).version());
  }

  private static boolean close(BigDecimal exact, String oracle, BigDecimal roundedTolerance) {
    BigDecimal expected = new BigDecimal(oracle);
    BigDecimal tolerance =
        roundedTolerance != null
            ? roundedTolerance
            : ABSOLUTE.max(expected.abs().multiply(RELATIVE));
    return exact.subtract(expected).abs().compareTo(tolerance) <= 0;
  }
}
