package io.tokenmeter.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.aggregate.AggregateKey;
import io.tokenmeter.processor.aggregate.AggregateWindow;
import io.tokenmeter.processor.aggregate.Spend;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiJsonTest {
  private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static WindowedAggregate aggregate(AggregateDimension dimension, PricedUsage priced) {
    AggregateKey key = AggregateKey.of(dimension, AggregateWindow.DAY, DAY.toEpochMilli(), priced);
    WindowedAggregate totals = Spend.empty(key);
    Spend.addTo(totals, priced, false, NOW);
    return totals;
  }

  @Test
  void shouldRenderSpendWithMoneyAsTwelveDecimalStrings() {
    PricedUsage priced =
        TestEvents.priced(TestEvents.event("e1", "acme", NOW).build(), "0.0025", "0.00000000001");
    TenantSpend spend =
        new TenantSpend(
            "acme",
            "day",
            DAY,
            DAY.plusSeconds(86_400),
            aggregate(AggregateDimension.TENANT, priced),
            List.of(aggregate(AggregateDimension.TENANT_MODEL, priced)),
            List.of(aggregate(AggregateDimension.TENANT_WORKFLOW, priced)));

    assertThat(ApiJson.spend(spend))
        .isEqualTo(
            "{\"tenant_id\":\"acme\",\"period\":\"day\","
                + "\"period_start\":\"2026-03-01T00:00:00Z\",\"period_end\":\"2026-03-02T00:00:00Z\","
                + "\"currency\":\"USD\",\"total_usd\":\"0.002500000010\",\"event_count\":1,"
                + "\"input_tokens\":1000,\"output_tokens\":100,"
                + "\"by_model\":[{\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"total_usd\":\"0.002500000010\",\"event_count\":1,"
                + "\"input_tokens\":1000,\"output_tokens\":100}],"
                + "\"by_workflow\":[{\"workflow_id\":null,\"total_usd\":\"0.002500000010\","
                + "\"event_count\":1,\"input_tokens\":1000,\"output_tokens\":100}]}");
  }

  @Test
  void shouldRenderZeroSpendWhenNothingWasSpent() {
    TenantSpend spend =
        new TenantSpend("idle", "day", DAY, DAY.plusSeconds(86_400), null, List.of(), List.of());

    assertThat(ApiJson.spend(spend))
        .contains("\"total_usd\":\"0.000000000000\",\"event_count\":0")
        .endsWith("\"by_model\":[],\"by_workflow\":[]}");
  }

  @Test
  void shouldNeverUseExponentNotationForMoney() {
    assertThat(ApiJson.money(new BigDecimal("1E+3"))).isEqualTo("1000.000000000000");
    assertThat(ApiJson.money(new BigDecimal("1E-12"))).isEqualTo("0.000000000001");
  }

  @Test
  void shouldEscapeErrorFields() {
    assertThat(ApiJson.error("no such budget", "budget_id", "a\"b"))
        .isEqualTo("{\"error\":\"no such budget\",\"budget_id\":\"a\\\"b\"}");
  }
}
