package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Zero loss at benchmark scale, checked in ClickHouse: as many rows as events published (plain
 * {@code count()}, so an unmerged duplicate shows), as many distinct event ids, and each tenant's
 * spend equal to the oracle's exact sum.
 */
final class BenchLossCheck {

  private final ClickHouseReads reads;
  private final String where;

  BenchLossCheck(ClickHouseReads reads, String tenantPrefix) {
    this.reads = reads;
    this.where = " FROM tokenmeter_priced_usage WHERE tenant_id LIKE '" + tenantPrefix + "%'";
  }

  void assertZeroLoss(long published, Map<String, BigDecimal> expectedSpend) {
    assertThat(reads.count("SELECT count()" + where)).as("rows").isEqualTo(published);
    assertThat(reads.count("SELECT uniqExact(event_id)" + where))
        .as("distinct events")
        .isEqualTo(published);
    Map<String, String> sums =
        reads.pairs("SELECT tenant_id, toString(sum(total_cost))" + where + " GROUP BY tenant_id");
    assertThat(sums.keySet()).as("tenants").isEqualTo(expectedSpend.keySet());
    expectedSpend.forEach(
        (tenant, sum) ->
            assertThat(new BigDecimal(sums.get(tenant)))
                .as("spend of %s", tenant)
                .isEqualByComparingTo(sum));
  }

  /** Publish-to-priced latency of every row, p50 and p99 in ms: {p50 -> p99}. */
  Map<String, String> pricingLatencyMillis() {
    return reads.pairs(
        "SELECT toString(quantileExact(0.5)(d)), toString(quantileExact(0.99)(d)) FROM (SELECT"
            + " toUnixTimestamp64Milli(priced_at) - toUnixTimestamp64Milli(event_time) AS d"
            + where
            + ")");
  }

  /**
   * Publish-to-priced latency per minute of event time (the publish instant), so warm-up and stalls
   * show where they happened: {minute start -> "p50 / p99 ms (rows)"}, in time order.
   */
  Map<String, String> pricingLatencyByMinute() {
    return new java.util.TreeMap<>(
        reads.pairs(
            "SELECT formatDateTime(toStartOfMinute(event_time), '%H:%i'), concat("
                + "toString(quantileExact(0.5)(d)), ' / ', toString(quantileExact(0.99)(d)),"
                + " ' ms (', toString(count()), ')') FROM (SELECT event_time,"
                + " toUnixTimestamp64Milli(priced_at) - toUnixTimestamp64Milli(event_time) AS d"
                + where
                + ") GROUP BY toStartOfMinute(event_time)"));
  }

  static long alertRows(ClickHouseReads reads, String tenantPrefix) {
    return reads.countOrZero(
        "SELECT count() FROM tokenmeter_budget_alerts WHERE tenant_id LIKE '"
            + tenantPrefix
            + "%'");
  }
}
