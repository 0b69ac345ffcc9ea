package io.tokenmeter.e2e;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.PricingOutcome;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The benchmark's events: a cycle of {@link #TEMPLATES} priced shapes from {@link Workload} (four
 * tenants, three models, cache and reasoning tokens), each priced once by the oracle up front. An
 * event is a template with a fresh id and the publish instant as event time, so the expected cost
 * of any number of events is an exact sum of template costs times how often each was sent: no
 * per-event bookkeeping at 50k events/s.
 */
final class BenchWorkload {

  /** Distinct shapes; a multiple of the three models and the four tenants. */
  static final int TEMPLATES = 600;

  private final List<UsageEvent> templates = new ArrayList<>(TEMPLATES);
  private final List<BigDecimal> costs = new ArrayList<>(TEMPLATES);
  private final AtomicLongArray sent = new AtomicLongArray(TEMPLATES);
  private final String idPrefix;

  /**
   * @param now the event time the templates are priced at: events are stamped when published, and
   *     the price versions in force then (not at {@link Workload}'s January times) are the ones the
   *     processor applies
   */
  BenchWorkload(PriceCatalog oracle, String tenantPrefix, String idPrefix, Instant now) {
    this.idPrefix = idPrefix;
    for (int i = 0; templates.size() < TEMPLATES; i++) {
      if (i == Workload.LATE_INDEX) {
        continue; // its model has no price until later: not part of a throughput run
      }
      UsageEvent template =
          UsageEvent.newBuilder(Workload.event(tenantPrefix, idPrefix, i))
              .setEventTime(now)
              .build();
      if (!(oracle.price(template) instanceof PricingOutcome.Priced priced)) {
        throw new IllegalStateException("the oracle cannot price " + template);
      }
      templates.add(template);
      costs.add(priced.cost().totalCost());
    }
  }

  /** Event number {@code n}, stamped with {@code now}; counted as sent. */
  UsageEvent event(long n, Instant now) {
    int template = (int) (n % TEMPLATES);
    sent.incrementAndGet(template);
    return UsageEvent.newBuilder(templates.get(template))
        .setEventId(idPrefix + n)
        .setEventTime(now)
        .build();
  }

  /** Exact expected spend per tenant of every event handed out so far. */
  Map<String, BigDecimal> expectedByTenant() {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (int i = 0; i < TEMPLATES; i++) {
      BigDecimal cost = costs.get(i).multiply(BigDecimal.valueOf(sent.get(i)));
      sums.merge(templates.get(i).getTenantId(), cost, BigDecimal::add);
    }
    return sums;
  }

  static BigDecimal total(Map<String, BigDecimal> byTenant) {
    return byTenant.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Mean cost of one event over the cycle, to size budgets before the run. */
  BigDecimal meanCost() {
    BigDecimal sum = costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(TEMPLATES), MathContext.DECIMAL64);
  }
}
