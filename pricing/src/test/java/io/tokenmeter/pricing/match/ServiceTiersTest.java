package io.tokenmeter.pricing.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceTiersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "NULL,standard",
        "'',standard",
        "default,standard",
        "auto,standard",
        "Standard,standard",
        "on_demand,standard",
        "batch,batch",
        "batches,batch",
        "FLEX,flex",
        "priority,priority",
        "scale,scale"
      })
  void shouldMapReportedTiersToPriceTiers(String reported, String expected) {
    assertThat(ServiceTiers.priceTierOf(reported)).isEqualTo(expected);
  }
}
