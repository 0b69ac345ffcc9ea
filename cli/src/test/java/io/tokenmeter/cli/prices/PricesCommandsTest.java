package io.tokenmeter.cli.prices;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.cli.common.CliTopics;
import io.tokenmeter.cli.testing.CliRun;
import io.tokenmeter.cli.testing.CliRun.Result;
import io.tokenmeter.cli.testing.TestCatalogs;
import io.tokenmeter.schema.v1.ModelPrice;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PricesCommandsTest {

  private final CliRun cli = new CliRun();

  private Result importSmallCatalog() {
    return cli.run("prices", "import", "--format", "tokenmeter", TestCatalogs.smallCatalog());
  }

  @Test
  void shouldPublishEveryVersionKeyedByVersionIdToACompactedPricesTopic() {
    Result result = importSmallCatalog();

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<ProducerRecord<String, SpecificRecord>> sent = cli.kafka().sent(CliTopics.PRICES);
    assertThat(sent).hasSize(5);
    assertThat(sent)
        .allSatisfy(
            r -> assertThat(r.key()).isEqualTo(((ModelPrice) r.value()).getPriceVersionId()));
    assertThat(sent.get(0).key())
        .isEqualTo("anthropic/claude-sonnet-4-5/standard/global/2025-09-29T00:00:00Z");
    assertThat(cli.kafka().compactedTopics()).containsExactly(CliTopics.PRICES);
    assertThat(result.out())
        .contains("read 5 price versions")
        .contains("published 5 price versions to tokenmeter.prices.v1");
  }

  @Test
  void shouldPublishNothingOnDryRun() {
    Result result =
        cli.run(
            "prices", "import", "--format", "tokenmeter", "--dry-run", TestCatalogs.smallCatalog());

    assertThat(result.exitCode()).isZero();
    assertThat(cli.kafka().sent(CliTopics.PRICES)).isEmpty();
    assertThat(result.out()).contains("5 to publish").contains("dry run: nothing published");
  }

  @Test
  void shouldImportTheShippedCatalogWithDefault() {
    Result result = cli.run("prices", "import", "--default", "--topic", "my.prices");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(cli.kafka().sent("my.prices")).hasSizeGreaterThan(400);
    assertThat(cli.kafka().sent(CliTopics.PRICES)).isEmpty();
  }

  @Test
  void shouldListWarningsOnlyWithVerbose() {
    // ../shared (not in this repository) holds real catalogs; the build passes its location.
    String litellm =
        Path.of(
                System.getProperty("tokenmeter.shared.dir", "../../shared"),
                "data",
                "pricing",
                "litellm-model-prices.json")
            .toString();
    Assumptions.assumeTrue(Path.of(litellm).toFile().isFile(), "no ../shared catalogs here");

    Result quiet = cli.run("prices", "import", "--format", "litellm", "--dry-run", litellm);
    Result verbose =
        cli.run("prices", "import", "--format", "litellm", "--dry-run", "--verbose", litellm);

    assertThat(quiet.out()).contains("--verbose lists them").doesNotContain("  warning ");
    assertThat(verbose.out()).contains("  warning sample_spec");
  }

  @Test
  void shouldRejectAMissingFormatAsAUsageErrorNamingTheFlag() {
    Result result = cli.run("prices", "import", TestCatalogs.smallCatalog());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .doesNotContain("\n")
        .contains("--format is missing; give --format litellm, genai-prices or tokenmeter");
  }

  @Test
  void shouldRejectAnUnknownFormatAsAUsageError() {
    Result result = cli.run("prices", "import", "--format", "csv", TestCatalogs.smallCatalog());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--format: unknown catalog format 'csv'");
  }

  @Test
  void shouldRejectDefaultTogetherWithAFile() {
    Result result = cli.run("prices", "import", "--default", TestCatalogs.smallCatalog());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("either --default or FILE_OR_URL");
  }

  @Test
  void shouldFailWithExitOneWhenTheFileDoesNotExist() {
    Result result = cli.run("prices", "import", "--format", "tokenmeter", "/no/such/catalog.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("/no/such/catalog.json does not exist");
    assertThat(cli.kafka().sent(CliTopics.PRICES)).isEmpty();
  }

  @Test
  void shouldListEveryVersionWithExactPerMillionRates() {
    importSmallCatalog();

    Result result = cli.run("prices", "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("PROVIDER").contains("INPUT/M");
    assertThat(lines.get(1).split("\\s+"))
        .containsExactly(
            "anthropic",
            "claude-sonnet-4-5",
            "standard",
            "global",
            "2025-09-29T00:00:00Z",
            "3",
            "15");
    assertThat(lines.get(2).split("\\s+"))
        .containsExactly(
            "anthropic",
            "claude-sonnet-4-5",
            "standard",
            "acme",
            "2025-10-01T00:00:00Z",
            "2.4",
            "12");
    assertThat(lines)
        .last()
        .isEqualTo("5 price versions on tokenmeter.prices.v1 (USD per million tokens)");
  }

  @Test
  void shouldFilterTheListByProvider() {
    importSmallCatalog();

    Result result = cli.run("prices", "list", "--provider", "OpenAI");

    assertThat(result.out().lines().skip(1).filter(l -> l.startsWith("openai"))).hasSize(3);
    assertThat(result.out()).doesNotContain("anthropic").contains("3 price versions");
  }

  @Test
  void shouldDropAVersionMarkedDeletedFromTheList() {
    importSmallCatalog();
    ModelPrice batch = (ModelPrice) cli.kafka().sent(CliTopics.PRICES).get(4).value();
    cli.kafka()
        .seed(
            CliTopics.PRICES,
            batch.getPriceVersionId(),
            ModelPrice.newBuilder(batch).setDeleted(true).build());

    Result result = cli.run("prices", "list", "--provider", "openai");

    assertThat(result.out()).doesNotContain("batch").contains("2 price versions");
  }

  @Test
  void shouldShowEveryRateOfTheResolvedPrice() {
    importSmallCatalog();

    Result result =
        cli.run("prices", "show", "claude-sonnet-4-5-20250929", "--at", "2025-10-05T00:00:00Z");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains(
            "version            anthropic/claude-sonnet-4-5/standard/global/2025-09-29T00:00:00Z")
        .contains("source             https://www.anthropic.com/pricing#api")
        .contains("  cache read       0.3\n")
        .contains("  cache write 1h   6\n")
        .contains("  reasoning        -\n")
        .contains("long context: whole request above 200000 input tokens")
        .contains("  output           22.5\n");
  }

  @Test
  void shouldShowTheTenantsNegotiatedPrice() {
    importSmallCatalog();

    Result result =
        cli.run(
            "prices",
            "show",
            "claude-sonnet-4-5",
            "--provider",
            "anthropic",
            "--tenant",
            "acme",
            "--at",
            "2025-10-05");

    assertThat(result.out())
        .contains("tenant             acme")
        .contains("  input            2.4\n");
  }

  @Test
  void shouldShowThePriceInForceAtTheGivenTime() {
    importSmallCatalog();

    Result before =
        cli.run("prices", "show", "gpt-4o", "--provider", "openai", "--at", "2024-06-01");
    Result after = cli.run("prices", "show", "gpt-4o", "--provider", "openai");

    assertThat(before.out()).contains("  input            5\n");
    assertThat(after.out())
        .contains("  input            2.5\n")
        .contains("per request      0.001 USD")
        .contains("web_search_calls 0.025 USD per unit");
  }

  @Test
  void shouldShowABatchPriceOnlyForTheBatchTier() {
    importSmallCatalog();

    Result batch = cli.run("prices", "show", "gpt-4o", "--tier", "batch");
    Result flex = cli.run("prices", "show", "gpt-4o", "--provider", "openai", "--tier", "flex");

    assertThat(batch.out())
        .contains("service tier       batch")
        .contains("  input            1.25\n");
    assertThat(flex.exitCode()).isEqualTo(1);
    assertThat(flex.err()).contains("unpriced: NO_PRICE_FOR_SERVICE_TIER");
  }

  @Test
  void shouldSayWhyAModelIsUnpricedAndExitOne() {
    importSmallCatalog();

    Result unknown = cli.run("prices", "show", "gpt-9", "--provider", "openai");
    Result tooEarly =
        cli.run(
            "prices", "show", "claude-sonnet-4-5", "--provider", "anthropic", "--at", "2025-01-01");
    Result anyProvider = cli.run("prices", "show", "gpt-9");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("tokenmeter: unpriced: NO_MATCHING_MODEL");
    assertThat(tooEarly.err()).contains("NO_PRICE_AT_EVENT_TIME");
    assertThat(anyProvider.err()).contains("none of the 2 providers").contains("give --provider");
  }

  @Test
  void shouldTellToImportWhenTheTopicIsEmpty() {
    Result result = cli.run("prices", "show", "gpt-4o");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("holds no prices; import some with");
  }

  @Test
  void shouldRejectAnUnreadableAtTimeAsAUsageError() {
    Result result = cli.run("prices", "show", "gpt-4o", "--at", "yesterday");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--at 'yesterday' is not an ISO-8601 time");
  }

  @Test
  void shouldKeepRatesExactThroughTheTopic() {
    importSmallCatalog();
    ModelPrice sent = (ModelPrice) cli.kafka().sent(CliTopics.PRICES).get(0).value();

    assertThat(sent.getRates().getCacheWrite5mPerToken())
        .isEqualByComparingTo(new BigDecimal("0.00000375"));
  }
}
