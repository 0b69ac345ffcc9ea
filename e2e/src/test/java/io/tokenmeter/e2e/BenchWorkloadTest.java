package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.PricingOutcome;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchWorkloadTest {

  private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

  @Test
  void shouldExpectExactlyWhatTheOracleChargesForEachEventAsPublished() {
    PriceCatalog oracle = new TestCatalog("w-t0").complete();
    BenchWorkload workload = new BenchWorkload(oracle, "w-", "id-", NOW);
    Map<String, BigDecimal> charged = new HashMap<>();
    Set<String> ids = new HashSet<>();

    // More than one cycle of templates, stamped after NOW as the publisher does.
    for (long n = 0; n < BenchWorkload.TEMPLATES + 123; n++) {
      UsageEvent event = workload.event(n, NOW.plusSeconds(n));
      ids.add(event.getEventId());
      PricingOutcome.Priced priced = (PricingOutcome.Priced) oracle.price(event);
      charged.merge(event.getTenantId(), priced.cost().totalCost(), BigDecimal::add);
    }

    assertThat(ids).hasSize(BenchWorkload.TEMPLATES + 123);
    Map<String, BigDecimal> expected = workload.expectedByTenant();
    assertThat(expected.keySet()).containsExactlyInAnyOrder("w-t0", "w-t1", "w-t2", "w-t3");
    expected.forEach(
        (tenant, sum) -> assertThat(sum).as(tenant).isEqualByComparingTo(charged.get(tenant)));
  }

  @Test
  void shouldPriceTemplatesAtThePublishTimeNotAtTheWorkloadsJanuaryTimes() {
    PriceCatalog oracle = new TestCatalog("w-t0").complete();
    BenchWorkload now = new BenchWorkload(oracle, "w-", "id-", NOW);
    BenchWorkload january = new BenchWorkload(oracle, "w-", "id-", Workload.START);
    for (long n = 0; n < BenchWorkload.TEMPLATES; n++) {
      now.event(n, NOW);
      january.event(n, Workload.START);
    }

    // gpt-4o got cheaper on 2026-01-20T10:05 for everyone but t0, who has their own price.
    assertThat(now.expectedByTenant().get("w-t0"))
        .isEqualByComparingTo(january.expectedByTenant().get("w-t0"));
    assertThat(now.expectedByTenant().get("w-t1"))
        .isLessThan(january.expectedByTenant().get("w-t1"));
  }
}
