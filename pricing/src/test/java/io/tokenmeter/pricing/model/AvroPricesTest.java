package io.tokenmeter.pricing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.pricing.match.NameRule;
import io.tokenmeter.schema.v1.ModelPrice;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroPricesTest {

  @Test
  void shouldSurviveAnAvroBinaryRoundTrip() throws IOException {
    PriceVersion version =
        new PriceVersion(
            "v1",
            "openai",
            "gpt-4o",
            List.of("gpt-4o-2024-08-06"),
            List.of(NameRule.startsWith("gpt-4o-")),
            "batch",
            null,
            Instant.parse("2025-01-01T00:00:00Z"),
            "test",
            UnitRates.of(new BigDecimal("0.00000125"), new BigDecimal("0.000005"))
                .withOtherUnits(Map.of("images", new BigDecimal("0.04"))),
            List.of(new ContextTier(128_000, UnitRates.of(BigDecimal.ONE, BigDecimal.TEN))),
            false);

    ByteBuffer bytes = AvroPrices.toAvro(version).toByteBuffer();
    PriceVersion back = AvroPrices.fromAvro(ModelPrice.fromByteBuffer(bytes));

    assertThat(back).isEqualTo(version);
  }

  @Test
  void shouldRejectARateWithMoreThanTwelveDecimals() {
    assertThatThrownBy(() -> UnitRates.of(new BigDecimal("0.0000000000001"), BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 12 decimals");
  }

  @Test
  void shouldRejectANegativeRate() {
    assertThatThrownBy(() -> UnitRates.of(new BigDecimal("-1"), BigDecimal.ONE))
        .hasMessageContaining("negative");
  }
}
