package io.tokenmeter.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetAlertKind;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetMode;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.BudgetStatus;
import io.tokenmeter.schema.v1.PricedUsage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetSpendTest {
  private static final Instant NOW = Instant.parse("2026-03-01T23:59:00Z");
  private final BudgetDefinition budget =
      TestBudgets.daily("b1", TestBudgets.tenant("t"), "10").build();

  private static PricedUsage costing(String time, String usd) {
    return TestEvents.priced(
        TestEvents.event("e-" + time, "t", Instant.parse(time)).build(), usd, "0");
  }

  private BudgetStep step(BudgetDefinition definition, BudgetState current, PricedUsage priced) {
    Optional<BudgetStep> step = BudgetSpend.add(definition, current, false, priced, NOW);
    assertThat(step).isPresent();
    return step.get();
  }

  @Test
  void shouldFireEveryThresholdOneEventCrossesInAscendingOrder() {
    BudgetStep step = step(budget, null, costing("2026-03-01T10:00:00Z", "8.5"));
    assertThat(step.alerts()).extracting(BudgetAlert::getThresholdPercent).containsExactly(50, 80);
    assertThat(step.alerts().get(1).getAlertId())
        .isEqualTo("b1/2026-03-01T00:00:00Z/THRESHOLD/80/defined/2020-01-01T00:00:00Z");
    assertThat(step.alerts().get(1).getSpendUsd()).isEqualTo(TestEvents.money("8.5"));
    assertThat(step.state().getStatus()).isEqualTo(BudgetStatus.WARNING);
    assertThat(step.state().getHighestThresholdCrossed()).isEqualTo(80);
  }

  @Test
  void shouldFireAThresholdOnlyOncePerPeriodAndAgainInTheNext() {
    BudgetStep first = step(budget, null, costing("2026-03-01T10:00:00Z", "5"));
    BudgetStep second = step(budget, first.state(), costing("2026-03-01T11:00:00Z", "0.5"));
    assertThat(first.alerts()).extracting(BudgetAlert::getThresholdPercent).containsExactly(50);
    assertThat(second.alerts()).isEmpty();
    assertThat(second.state().getSpendUsd()).isEqualTo(TestEvents.money("5.5"));

    BudgetStep nextDay = step(budget, second.state(), costing("2026-03-02T00:00:00Z", "5"));
    assertThat(nextDay.alerts()).extracting(BudgetAlert::getThresholdPercent).containsExactly(50);
    assertThat(nextDay.state().getSpendUsd()).isEqualTo(TestEvents.money("5"));
    assertThat(nextDay.state().getPeriodStart()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
  }

  @Test
  void shouldMarkExceededAtTheLimit() {
    BudgetStep step = step(budget, null, costing("2026-03-01T10:00:00Z", "10"));
    assertThat(step.alerts())
        .extracting(BudgetAlert::getThresholdPercent)
        .containsExactly(50, 80, 100);
    assertThat(step.state().getStatus()).isEqualTo(BudgetStatus.EXCEEDED);
  }

  @Test
  void shouldNotCountAnEventOfAnEarlierPeriod() {
    BudgetStep today = step(budget, null, costing("2026-03-02T10:00:00Z", "1"));
    assertThat(
            BudgetSpend.add(
                budget, today.state(), false, costing("2026-03-01T10:00:00Z", "9"), NOW))
        .isEmpty();
  }

  @Test
  void shouldForecastOnceWhenTheBurnRateWouldExceedTheLimit() {
    BudgetDefinition forecasting =
        BudgetDefinition.newBuilder(budget).setForecastAlerts(true).build();
    // $4 by 06:00 = a quarter of the day -> $16 projected against a $10 limit.
    BudgetStep step = step(forecasting, null, costing("2026-03-01T06:00:00Z", "4"));
    assertThat(step.alerts())
        .extracting(BudgetAlert::getKind)
        .containsExactly(BudgetAlertKind.FORECAST);
    assertThat(step.alerts().get(0).getProjectedSpendUsd()).isEqualTo(TestEvents.money("16"));
    assertThat(step.forecastFired()).isTrue();
    Optional<BudgetStep> again =
        BudgetSpend.add(
            forecasting, step.state(), true, costing("2026-03-01T07:00:00Z", "0.1"), NOW);
    assertThat(again.orElseThrow().alerts()).isEmpty();
  }

  @Test
  void shouldNotForecastFromTheFirstMinutesOfAPeriod() {
    BudgetDefinition forecasting =
        BudgetDefinition.newBuilder(budget).setForecastAlerts(true).build();
    BudgetStep step = step(forecasting, null, costing("2026-03-01T00:10:00Z", "1"));
    assertThat(step.alerts()).isEmpty();
  }

  @Test
  void shouldSayWhenABudgetDefinedMidPeriodStartedCounting() {
    Instant defined = Instant.parse("2026-03-01T09:00:00Z");
    BudgetDefinition late = BudgetDefinition.newBuilder(budget).setUpdatedAt(defined).build();
    BudgetStep step = step(late, null, costing("2026-03-01T10:00:00Z", "1"));
    assertThat(step.state().getCountedSince()).isEqualTo(defined);
    BudgetStep nextDay = step(late, step.state(), costing("2026-03-02T10:00:00Z", "1"));
    assertThat(nextDay.state().getCountedSince()).isNull();
  }

  @Test
  void shouldGiveTheAlertsOfABudgetDefinedMidPeriodIdsThatSayWhenCountingStarted() {
    Instant defined = Instant.parse("2026-03-01T09:00:00Z");
    BudgetDefinition late = BudgetDefinition.newBuilder(budget).setUpdatedAt(defined).build();
    BudgetStep step = step(late, null, costing("2026-03-01T10:00:00Z", "5"));
    assertThat(step.alerts())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly("b1/2026-03-01T00:00:00Z/THRESHOLD/50/defined/2026-03-01T09:00:00Z");
  }

  @Test
  void shouldCountALongerPeriodFromTheRedefinitionWhenTheKindChanges() {
    BudgetStep daily = step(budget, null, costing("2026-03-10T08:00:00Z", "6"));
    Instant redefined = Instant.parse("2026-03-10T09:00:00Z");
    BudgetDefinition monthly =
        BudgetDefinition.newBuilder(budget)
            .setPeriod(BudgetPeriod.MONTH)
            .setUpdatedAt(redefined)
            .build();

    // The month began before the held day: without noticing the redefinition this event would be
    // taken for one of an earlier period and not counted until April.
    BudgetStep step = step(monthly, daily.state(), costing("2026-03-10T10:00:00Z", "1"));

    assertThat(step.state().getPeriodStart()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(step.state().getSpendUsd()).isEqualByComparingTo("1");
    assertThat(step.state().getCountedSince()).isEqualTo(redefined);
    assertThat(step.state().getHighestThresholdCrossed()).isNull();
  }

  @Test
  void shouldStartAfreshWithNewAlertIdsWhenTheScopeChanges() {
    BudgetStep before = step(budget, null, costing("2026-03-01T08:00:00Z", "6"));
    assertThat(before.alerts())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly("b1/2026-03-01T00:00:00Z/THRESHOLD/50/defined/2020-01-01T00:00:00Z");
    Instant redefined = Instant.parse("2026-03-01T09:00:00Z");
    BudgetDefinition otherWorkflow =
        BudgetDefinition.newBuilder(budget)
            .setScope(TestBudgets.workflow("t", "wf"))
            .setUpdatedAt(redefined)
            .build();

    BudgetStep after = step(otherWorkflow, before.state(), costing("2026-03-01T10:00:00Z", "5"));

    assertThat(after.state().getSpendUsd()).isEqualByComparingTo("5");
    assertThat(after.state().getScope()).isEqualTo(otherWorkflow.getScope());
    assertThat(after.alerts())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly("b1/2026-03-01T00:00:00Z/THRESHOLD/50/defined/2026-03-01T09:00:00Z");
  }

  @Test
  void shouldKeepThePeriodSpendAndFireTheThresholdsOfARaisedLimitAgain() {
    BudgetStep before = step(budget, null, costing("2026-03-01T08:00:00Z", "6"));
    BudgetDefinition raised =
        BudgetDefinition.newBuilder(budget)
            .setLimitUsd(TestEvents.money("20"))
            .setThresholdsPercent(List.of(50, 90))
            .setUpdatedAt(Instant.parse("2026-03-01T09:00:00Z"))
            .build();

    BudgetStep after = step(raised, before.state(), costing("2026-03-01T10:00:00Z", "5"));

    // 6 was 60 % of 10 but is 30 % of 20: 50 % of the new limit is still to come, and comes at 11.
    assertThat(after.state().getSpendUsd()).isEqualByComparingTo("11");
    assertThat(after.state().getCountedSince()).isNull();
    assertThat(after.alerts())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly("b1/2026-03-01T00:00:00Z/THRESHOLD/50/defined/2026-03-01T09:00:00Z");
    assertThat(after.alerts().get(0).getLimitUsd()).isEqualByComparingTo("20");
  }

  @Test
  void shouldNotCountAPeriodThatEndedBeforeTheBudgetWasDefined() {
    BudgetDefinition defined =
        BudgetDefinition.newBuilder(budget)
            .setUpdatedAt(Instant.parse("2026-03-02T09:00:00Z"))
            .build();

    assertThat(BudgetSpend.add(defined, null, false, costing("2026-03-01T10:00:00Z", "1"), NOW))
        .isEmpty();
  }

  @Test
  void shouldApplyARaisedLimitToTheHeldStateWithoutAnEvent() {
    BudgetState exceeded = step(budget, null, costing("2026-03-01T08:00:00Z", "12")).state();
    assertThat(exceeded.getStatus()).isEqualTo(BudgetStatus.EXCEEDED);
    BudgetDefinition raised =
        BudgetDefinition.newBuilder(budget).setLimitUsd(TestEvents.money("100")).build();

    BudgetState now = BudgetSpend.redefine(raised, exceeded, NOW).orElseThrow();

    assertThat(now.getLimitUsd()).isEqualByComparingTo("100");
    assertThat(now.getSpendUsd()).isEqualByComparingTo("12");
    assertThat(now.getHighestThresholdCrossed()).as("12 is below 50 % of 100").isNull();
    assertThat(now.getStatus()).isEqualTo(BudgetStatus.OK);
    assertThat(now.getUpdatedAt()).isEqualTo(NOW);
  }

  @Test
  void shouldExceedAtOnceWhenTheLimitIsCutBelowTheSpendAndAlertWithTheNextEvent() {
    BudgetState held = step(budget, null, costing("2026-03-01T08:00:00Z", "4")).state();
    BudgetDefinition cut =
        BudgetDefinition.newBuilder(budget)
            .setLimitUsd(TestEvents.money("3"))
            .setUpdatedAt(Instant.parse("2026-03-01T09:00:00Z"))
            .build();

    BudgetState now = BudgetSpend.redefine(cut, held, NOW).orElseThrow();
    BudgetStep next = step(cut, now, costing("2026-03-01T10:00:00Z", "0.01"));

    assertThat(now.getStatus()).isEqualTo(BudgetStatus.EXCEEDED);
    assertThat(now.getHighestThresholdCrossed()).as("not announced yet").isNull();
    assertThat(next.alerts())
        .extracting(BudgetAlert::getThresholdPercent)
        .containsExactly(50, 80, 100);
    assertThat(next.alerts().get(2).getAlertId())
        .isEqualTo("b1/2026-03-01T00:00:00Z/THRESHOLD/100/defined/2026-03-01T09:00:00Z");
  }

  @Test
  void shouldRecomputeTheHighestThresholdWhenTheThresholdsChange() {
    BudgetState held = step(budget, null, costing("2026-03-01T08:00:00Z", "8.5")).state();
    assertThat(held.getHighestThresholdCrossed()).isEqualTo(80);
    BudgetDefinition only90 =
        BudgetDefinition.newBuilder(budget).setThresholdsPercent(List.of(90)).build();

    BudgetState now = BudgetSpend.redefine(only90, held, NOW).orElseThrow();

    assertThat(now.getHighestThresholdCrossed()).as("80 is no longer a threshold").isNull();
    assertThat(now.getStatus()).isEqualTo(BudgetStatus.OK);
  }

  @Test
  void shouldApplyAModeChangeAndIgnoreChangesNobodyActsOn() {
    BudgetState held = step(budget, null, costing("2026-03-01T08:00:00Z", "1")).state();
    BudgetDefinition soft = BudgetDefinition.newBuilder(budget).setMode(BudgetMode.SOFT).build();
    BudgetDefinition described =
        BudgetDefinition.newBuilder(budget).setDescription("only words changed").build();

    assertThat(BudgetSpend.redefine(soft, held, NOW).orElseThrow().getMode())
        .isEqualTo(BudgetMode.SOFT);
    assertThat(BudgetSpend.redefine(described, held, NOW)).isEmpty();
  }

  @Test
  void shouldShowANewMeasureFromZeroInThePeriodOfItsDefinition() {
    BudgetState held = step(budget, null, costing("2026-03-01T08:00:00Z", "6")).state();
    BudgetDefinition atMidnight =
        BudgetDefinition.newBuilder(budget)
            .setTimeZone("Europe/Berlin")
            .setUpdatedAt(Instant.parse("2026-03-01T23:00:00Z")) // 00:00 in Berlin
            .build();

    BudgetState fresh = BudgetSpend.redefine(atMidnight, held, NOW).orElseThrow();

    assertThat(fresh.getPeriodStart()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
    assertThat(fresh.getSpendUsd()).isEqualByComparingTo("0");
    assertThat(fresh.getCountedSince()).as("defined at the period start: all of it").isNull();
    assertThat(fresh.getTimeZone()).isEqualTo("Europe/Berlin");
  }

  @Test
  void shouldForecastAgainUnderANewLimit() {
    BudgetDefinition forecasting =
        BudgetDefinition.newBuilder(budget).setForecastAlerts(true).build();
    BudgetState held = step(forecasting, null, costing("2026-03-01T12:00:00Z", "4")).state();
    BudgetDefinition lower =
        BudgetDefinition.newBuilder(forecasting)
            .setLimitUsd(TestEvents.money("8"))
            .setUpdatedAt(Instant.parse("2026-03-01T12:30:00Z"))
            .build();

    // The forecast of the old limit had fired (forecastFired = true): 4.5 by 13:00 projects 8.3
    // for the day, under 10 but over the new 8; 4.5 also reaches 50 % of 8 (4 had, unannounced).
    BudgetStep step =
        BudgetSpend.add(lower, held, true, costing("2026-03-01T13:00:00Z", "0.5"), NOW)
            .orElseThrow();

    assertThat(step.alerts())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly(
            "b1/2026-03-01T00:00:00Z/THRESHOLD/50/defined/2026-03-01T12:30:00Z", // 4.5 of 8
            "b1/2026-03-01T00:00:00Z/FORECAST/forecast/defined/2026-03-01T12:30:00Z");
  }
}
