package io.tokenmeter.cli.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmeter.cli.testing.CliRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code price} with genai-prices' own data.json reproduces, decimal-equal, the totals
 * genai-prices' JavaScript computed (pricing's oracle file, src/test/oracle explains how it was
 * made). Only rows whose double printed as an exact decimal are used: 1.2449999999999999 is float
 * noise, not a figure to match.
 */
class GenaiPricesFiguresTest {

  private static final Path SHARED_DATA =
      Path.of(System.getProperty("tokenmeter.shared.dir", "../../shared"), "data", "pricing");
  private static final Path ORACLE =
      Path.of("../pricing/src/test/resources/io/tokenmeter/pricing/genai-prices-oracle.csv");

  /** The oracle script's usages and times (genai-prices-oracle.mjs), as UsageEvent JSON. */
  private static final Map<String, String> USAGES =
      Map.of(
          "small",
          "\"event_time\": \"2025-11-06T12:00:00Z\","
              + " \"usage\": {\"input_tokens\": 2743, \"output_tokens\": 4}",
          "long",
          "\"event_time\": \"2026-09-15T12:00:00Z\", \"usage\": {\"input_tokens\": 250000,"
              + " \"cache_read_tokens\": 50000, \"cache_write_tokens\": 10000,"
              + " \"output_tokens\": 3000}",
          "cached",
          "\"event_time\": \"2025-06-01T12:00:00Z\", \"usage\": {\"input_tokens\": 12000,"
              + " \"cache_read_tokens\": 3000, \"cache_write_tokens\": 2000,"
              + " \"output_tokens\": 700}");

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "anthropic, claude-sonnet-4-5, small",
    "anthropic, claude-sonnet-4-5, long",
    "aws, global.anthropic.claude-sonnet-4-5-20250929-v1:0, small",
    "aws, global.anthropic.claude-sonnet-4-5-20250929-v1:0, long",
    "aws, amazon.nova-lite-v1:0, cached",
    "anthropic, claude-2, long",
  })
  void shouldReproduceGenaiPricesTotalsExactly(String provider, String model, String usage)
      throws IOException {
    Path data = SHARED_DATA.resolve("genai-prices-data.json");
    assumeTrue(Files.isRegularFile(data), "no shared genai-prices data.json at " + data);
    assumeTrue(Files.isRegularFile(ORACLE), "no oracle file at " + ORACLE.toAbsolutePath());
    String expected = oracleTotal(provider, model, usage);
    String event =
        "{\"provider\": \""
            + provider
            + "\", \"model\": \""
            + model
            + "\", "
            + USAGES.get(usage)
            + "}";

    CliRun.Result result =
        new CliRun().runWithStdin(event, "price", "--usage", "--catalog", "genai-prices:" + data);

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode priced = JSON.readTree(result.out());
    assertThat(new BigDecimal(priced.get("total_cost").asText()))
        .isEqualByComparingTo(new BigDecimal(expected));
  }

  private static String oracleTotal(String provider, String model, String usage)
      throws IOException {
    String prefix = provider + "," + model + "," + usage + ",";
    return Files.readAllLines(ORACLE).stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(line.lastIndexOf(',') + 1))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no oracle row " + prefix));
  }
}
