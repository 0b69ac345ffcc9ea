package io.tokenmeter.pricing.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.match.NameRule;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.pricing.model.ContextTier;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenmeterCatalogFormatTest {

  private static ImportResult read(String json) throws IOException {
    return new TokenmeterCatalogImporter()
        .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldReadBackExactlyWhatItWrote() throws IOException {
    UnitRates base =
        UnitRates.of(new BigDecimal("0.000003"), new BigDecimal("0.000015"))
            .withCacheRead(new BigDecimal("0.0000003"))
            .withCacheWrites(new BigDecimal("0.00000375"), new BigDecimal("0.000006"))
            .withReasoning(new BigDecimal("0.00001"))
            .withAudio(new BigDecimal("0.00004"), null, new BigDecimal("0.00008"))
            .withPerRequest(new BigDecimal("0.005"))
            .withOtherUnits(Map.of("web_search_calls", new BigDecimal("0.01")));
    PriceVersion version =
        new PriceVersion(
            "contract-42",
            "anthropic",
            "claude-sonnet-4-5",
            List.of("claude-sonnet-4-5-20250929"),
            List.of(NameRule.startsWith("claude-sonnet-4.5"), NameRule.regex("^sonnet-\\d+$")),
            "priority",
            "acme",
            Instant.parse("2025-10-01T00:00:00Z"),
            "contract 2025-10",
            base,
            List.of(
                new ContextTier(
                    200_000,
                    UnitRates.of(new BigDecimal("0.000006"), new BigDecimal("0.0000225")))),
            false);
    StringWriter out = new StringWriter();

    new TokenmeterCatalogWriter().write(List.of(version), List.of("test"), out);
    ImportResult result = read(out.toString());

    assertThat(result.warnings()).isEmpty();
    assertThat(result.prices()).hasSize(1);
    assertThat(AvroPrices.fromAvro(result.prices().get(0))).isEqualTo(version);
  }

  @Test
  void shouldReadAHandWrittenEntryWithDefaults() throws IOException {
    ImportResult result =
        read(
            "{\"format\":\"tokenmeter-catalog\",\"source\":\"ours\",\"prices\":[{\"provider\":"
                + "\"OpenAI\",\"model\":\"gpt-4o\",\"effective_from\":\"2025-01-01\","
                + "\"per_million_tokens\":{\"input\":2.5,\"output\":\"10\"}}]}");

    PriceVersion version = AvroPrices.fromAvro(result.prices().get(0));
    assertThat(version.versionId()).isEqualTo("openai/gpt-4o/standard/global/2025-01-01T00:00:00Z");
    assertThat(version.rates().uncachedInput()).isEqualTo(new BigDecimal("0.000002500000"));
    assertThat(version.source()).isEqualTo("ours");
  }

  @Test
  void shouldSkipInvalidEntriesSayingHowToFixThem() throws IOException {
    ImportResult result =
        read(
            "{\"format\":\"tokenmeter-catalog\",\"prices\":["
                + "{\"provider\":\"p\",\"model\":\"no-output\",\"per_million_tokens\":{\"input\":1}},"
                + "{\"provider\":\"p\",\"model\":\"too-precise\","
                + "\"per_million_tokens\":{\"input\":\"0.0000001\",\"output\":1}},"
                + "{\"provider\":\"p\",\"model\":\"typo\","
                + "\"per_million_tokens\":{\"inptu\":1,\"input\":1,\"output\":1}},"
                + "{\"provider\":\"p\",\"model\":\"ok\",\"per_million_tokens\":{\"input\":1,\"output\":1}}]}");

    assertThat(result.prices()).hasSize(1);
    assertThat(result.warnings())
        .extracting(ImportWarning::reason)
        .satisfiesExactly(
            r -> assertThat(r).contains("needs at least \"input\" and \"output\""),
            r -> assertThat(r).contains("more than 12 decimals"),
            r -> assertThat(r).contains("unknown rate 'inptu'"));
  }

  @Test
  void shouldRefuseADocumentOfAnotherFormat() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("{\"prices\":[]}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("\"format\" must be \"tokenmeter-catalog\"");
  }
}
