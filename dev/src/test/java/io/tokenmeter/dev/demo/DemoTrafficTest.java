package io.tokenmeter.dev.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.DefaultCatalog;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.PricingOutcome;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static PriceCatalog catalog;

  @BeforeAll
  static void loadCatalog() {
    catalog = DefaultCatalog.catalog();
  }

  private static List<UsageEvent> events(int count) {
    DemoTraffic traffic = new DemoTraffic(CLOCK, "run1");
    List<UsageEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(traffic.next());
    }
    return events;
  }

  @Test
  void shouldCycleThroughTenantsProvidersAndModelsWithExactCounts() {
    List<UsageEvent> events = events(60);

    Map<String, Long> perTenant =
        events.stream()
            .collect(Collectors.groupingBy(UsageEvent::getTenantId, Collectors.counting()));
    assertThat(perTenant)
        .containsOnly(Map.entry("acme", 20L), Map.entry("globex", 20L), Map.entry("initech", 20L));
    Set<String> providers =
        events.stream().map(UsageEvent::getProvider).collect(Collectors.toSet());
    assertThat(providers).containsExactlyInAnyOrder("anthropic", "openai", "google");
    assertThat(events.stream().map(UsageEvent::getModel).distinct().count()).isEqualTo(6);
    assertThat(events.stream().filter(e -> e.getUsage().getCacheReadTokens() > 0).count())
        .isEqualTo(30);
    assertThat(events.stream().filter(e -> e.getUsage().getReasoningTokens() > 0).count())
        .isEqualTo(20);
  }

  @Test
  void shouldGiveEveryEventAUniqueIdOfItsRunAndTheClockTime() {
    List<UsageEvent> events = events(100);

    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.getEventId()));
    assertThat(ids).hasSize(100);
    assertThat(events.getFirst().getEventId()).isEqualTo("demo-run1-0");
    assertThat(events).allSatisfy(e -> assertThat(e.getEventTime()).isEqualTo(NOW));
    assertThat(new DemoTraffic(CLOCK, "run2").next().getEventId()).isEqualTo("demo-run2-0");
  }

  @Test
  void shouldBePricedByTheDefaultCatalogForEveryCall() {
    for (UsageEvent event : events(DemoTraffic.CYCLE.size())) {
      PricingOutcome outcome = catalog.price(event);
      assertThat(outcome)
          .as("%s/%s", event.getProvider(), event.getModel())
          .isInstanceOf(PricingOutcome.Priced.class);
      assertThat(((PricingOutcome.Priced) outcome).cost().totalCost()).isPositive();
    }
  }

  @Test
  void shouldMakeOnlyTheOverspendingTenantCrossItsBudgetWithinTheFirstMinute() {
    // 60 s at the default 20 events/s.
    List<UsageEvent> firstMinute = events(1200);
    Map<String, BigDecimal> spend = new HashMap<>();
    int crossedAt = -1;
    for (int i = 0; i < firstMinute.size(); i++) {
      UsageEvent event = firstMinute.get(i);
      BigDecimal cost = ((PricingOutcome.Priced) catalog.price(event)).cost().totalCost();
      BigDecimal total = spend.merge(event.getTenantId(), cost, BigDecimal::add);
      if (crossedAt < 0
          && event.getTenantId().equals(DemoBudgets.OVERSPENDING_TENANT)
          && total.compareTo(DemoBudgets.OVERSPENDING_LIMIT_USD) >= 0) {
        crossedAt = i;
      }
    }

    assertThat(crossedAt).isBetween(1, 100);
    for (BudgetDefinition budget : DemoBudgets.all(CLOCK)) {
      String tenant = budget.getScope().getTenantId();
      boolean crossed = spend.get(tenant).compareTo(budget.getLimitUsd()) >= 0;
      assertThat(crossed).as(tenant).isEqualTo(tenant.equals(DemoBudgets.OVERSPENDING_TENANT));
    }
  }

  @Test
  void shouldDefineOneTenantBudgetPerDemoTenantStampedByTheClock() {
    List<BudgetDefinition> budgets = DemoBudgets.all(CLOCK);

    assertThat(budgets)
        .extracting(BudgetDefinition::getBudgetId)
        .containsExactly("acme-daily", "globex-daily", "initech-monthly");
    assertThat(budgets)
        .allSatisfy(
            b -> {
              assertThat(b.getUpdatedAt()).isEqualTo(NOW);
              assertThat(b.getLimitUsd().scale()).isEqualTo(12);
            });
    Set<String> tenants = new HashSet<>();
    DemoTraffic.CYCLE.forEach(call -> tenants.add(call.tenantId()));
    assertThat(budgets)
        .extracting(b -> b.getScope().getTenantId())
        .containsExactlyInAnyOrderElementsOf(tenants);
  }
}
