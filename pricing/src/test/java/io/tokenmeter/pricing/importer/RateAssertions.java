package io.tokenmeter.pricing.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import io.tokenmeter.schema.v1.ModelPrice;
import java.math.BigDecimal;
import java.util.List;

/** Finds imported versions and compares rates given per MILLION tokens, as catalogs print them. */
final class RateAssertions {

  private RateAssertions() {}

  static PriceVersion find(List<ModelPrice> prices, String versionId) {
    return prices.stream()
        .filter(p -> p.getPriceVersionId().equals(versionId))
        .map(AvroPrices::fromAvro)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no version " + versionId));
  }

  /** Asserts input, cache read, 5m write, 1h write, output per million tokens (null = none). */
  static void assertPerMillion(
      UnitRates rates, String input, String cacheRead, String write5m, String write1h, String out) {
    assertThat(perMillion(rates.uncachedInput())).isEqualTo(input);
    assertThat(perMillion(rates.cacheRead())).isEqualTo(cacheRead);
    assertThat(perMillion(rates.cacheWrite5m())).isEqualTo(write5m);
    assertThat(perMillion(rates.cacheWrite1h())).isEqualTo(write1h);
    assertThat(perMillion(rates.output())).isEqualTo(out);
  }

  private static String perMillion(BigDecimal perToken) {
    return perToken == null
        ? null
        : perToken.movePointRight(6).stripTrailingZeros().toPlainString();
  }
}
