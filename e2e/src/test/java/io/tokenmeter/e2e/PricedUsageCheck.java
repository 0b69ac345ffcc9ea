package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The exactly-once check on ClickHouse's priced-usage table for one run: every expected event is
 * there once, with the oracle's price version and cost to the last decimal, and each tenant's sum
 * is equal.
 */
final class PricedUsageCheck {

  private final ClickHouseReads reads;
  private final String where;

  PricedUsageCheck(ClickHouseReads reads, String tenantPrefix) {
    this.reads = reads;
    this.where = " FROM tokenmeter_priced_usage WHERE tenant_id LIKE '" + tenantPrefix + "%'";
  }

  long rows() {
    return reads.countOrZero("SELECT count()" + where);
  }

  /** Waits until ClickHouse holds at least {@code expected} rows of the run. */
  void awaitRows(long expected, Duration timeout) throws InterruptedException {
    Poll.until(timeout, expected + " priced rows in ClickHouse", () -> rows() >= expected);
  }

  void assertExactly(ExpectedCosts expected) {
    // Plain count() without FINAL: a duplicate not yet merged away is counted, so it is seen.
    assertThat(reads.count("SELECT count()" + where)).as("rows").isEqualTo(expected.size());
    assertThat(reads.count("SELECT uniqExact(event_id)" + where))
        .as("distinct events")
        .isEqualTo(expected.size());

    Map<String, String> costs = reads.pairs("SELECT event_id, toString(total_cost)" + where);
    Map<String, String> versions = reads.pairs("SELECT event_id, price_version_id" + where);
    assertThat(costs.keySet()).isEqualTo(expected.byEventId().keySet());
    expected
        .byEventId()
        .forEach(
            (eventId, cost) -> {
              assertThat(new BigDecimal(costs.get(eventId)))
                  .as("total cost of %s", eventId)
                  .isEqualByComparingTo(cost.total());
              assertThat(versions.get(eventId))
                  .as("price version of %s", eventId)
                  .isEqualTo(cost.priceVersionId());
            });

    Map<String, String> sums =
        reads.pairs("SELECT tenant_id, toString(sum(total_cost))" + where + " GROUP BY tenant_id");
    assertThat(sums.keySet()).isEqualTo(expected.byTenant().keySet());
    expected
        .byTenant()
        .forEach(
            (tenant, sum) ->
                assertThat(new BigDecimal(sums.get(tenant)))
                    .as("sum of %s", tenant)
                    .isEqualByComparingTo(sum));
  }
}
