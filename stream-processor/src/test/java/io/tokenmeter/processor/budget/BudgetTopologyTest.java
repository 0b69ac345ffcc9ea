package io.tokenmeter.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.DriverFixture;
import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetAlertKind;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.BudgetStatus;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.serde.AvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetTopologyTest {
  @TempDir Path stateDir;
  @TempDir Path restartedStateDir;
  private DriverFixture fixture;
  private TestInputTopic<String, BudgetDefinition> budgets;
  private TestInputTopic<String, PricedUsage> priced;
  private TestOutputTopic<String, BudgetAlert> alerts;
  private TestOutputTopic<String, BudgetState> states;
  private int nextId;

  /**
   * The restarted driver runs at-least-once: under exactly_once_v2 Kafka Streams 4.3 treats a task
   * as crashed when one of its persistent stores has no committed changelog offset (a window store
   * that was never written has none) and would restore it from changelogs, which the driver lacks.
   */
  private static final Map<String, String> RESTART =
      Map.of(ProcessorSettings.PROCESSING_GUARANTEE, ProcessorSettings.AT_LEAST_ONCE);

  private void start(String registryScope) {
    start(registryScope, Map.of());
  }

  private void start(String registryScope, Map<String, String> overrides) {
    fixture =
        registryScope == null
            ? new DriverFixture(stateDir, overrides)
            : new DriverFixture(restartedStateDir, overrides, registryScope);
    var driver = fixture.driver();
    budgets =
        driver.createInputTopic(
            Topics.BUDGETS, new StringSerializer(), serde(BudgetDefinition.class).serializer());
    priced =
        driver.createInputTopic(
            Topics.PRICED_USAGE, new StringSerializer(), serde(PricedUsage.class).serializer());
    alerts =
        driver.createOutputTopic(
            Topics.BUDGET_ALERTS,
            new StringDeserializer(),
            serde(BudgetAlert.class).deserializer());
    states =
        driver.createOutputTopic(
            Topics.BUDGET_STATE, new StringDeserializer(), serde(BudgetState.class).deserializer());
  }

  private <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(fixture.serdeConfig(), false);
    return serde;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  /**
   * Stops the running driver the way a clean shutdown leaves its state, copied aside because the
   * driver wipes its state directory on close. Kafka Streams 4.3 writes RocksDB (no WAL) to disk
   * only when a memtable fills or the store closes, and a store left open reads as a crash's state,
   * so the stores are closed here; the driver cannot close after that (its final commit needs them)
   * and is dropped, keeping its registry scope for the restarted driver.
   */
  private void stopCleanlyKeepingState() throws IOException {
    fixture.driver().getAllStateStores().values().forEach(StateStore::close);
    copyTree(stateDir, restartedStateDir);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (!path.getFileName().toString().equals(".lock")) {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private void define(BudgetDefinition budget) {
    budgets.pipeInput(budget.getBudgetId(), budget);
  }

  private void spend(UsageEvent.Builder event, String usd) {
    UsageEvent built = event.setEventId("evt-" + nextId++).build();
    priced.pipeInput(built.getTenantId(), TestEvents.priced(built, usd, "0"), built.getEventTime());
  }

  private static UsageEvent.Builder at(String tenant, String time) {
    return TestEvents.event("x", tenant, Instant.parse(time));
  }

  @Test
  void shouldAlertOncePerThresholdAcrossManyEvents() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT0S"));
    define(TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build());
    for (int i = 0; i < 12; i++) {
      spend(
          at("acme", "2026-03-01T10:00:00Z")
              .setEventTime(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i)),
          "0.1");
    }
    spend(at("other", "2026-03-01T10:00:00Z"), "5");

    List<BudgetAlert> fired = alerts.readValuesToList();
    assertThat(fired).extracting(BudgetAlert::getThresholdPercent).containsExactly(50, 80, 100);
    assertThat(fired)
        .extracting(BudgetAlert::getTriggeringEventId)
        .containsExactly("evt-4", "evt-7", "evt-9");
    assertThat(fired.get(2).getSpendUsd()).isEqualTo(TestEvents.money("1"));
    List<BudgetState> updates = states.readValuesToList();
    assertThat(updates).hasSize(12);
    BudgetState last = updates.get(updates.size() - 1);
    assertThat(last.getSpendUsd()).isEqualTo(TestEvents.money("1.2"));
    assertThat(last.getStatus()).isEqualTo(BudgetStatus.EXCEEDED);
  }

  @Test
  void shouldRateLimitStateButEmitStatusChangesAtOnce() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT10S"));
    define(TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build());
    spend(at("acme", "2026-03-01T10:00:00Z"), "0.1");
    spend(at("acme", "2026-03-01T10:00:01Z"), "0.1");
    spend(at("acme", "2026-03-01T10:00:02Z"), "0.1");
    assertThat(states.readValuesToList())
        .extracting(s -> s.getSpendUsd())
        .containsExactly(TestEvents.money("0.1"));

    spend(at("acme", "2026-03-01T10:00:03Z"), "0.3"); // crosses 50 %: status OK -> WARNING
    assertThat(states.readValuesToList())
        .extracting(BudgetState::getStatus)
        .containsExactly(BudgetStatus.WARNING);

    spend(at("acme", "2026-03-01T10:00:04Z"), "0.05");
    assertThat(states.isEmpty()).isTrue();
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(states.readValuesToList())
        .extracting(s -> s.getSpendUsd())
        .containsExactly(TestEvents.money("0.65"));
  }

  @Test
  void shouldCountOnlyTheWorkflowOfATenantWorkflowBudget() {
    start(null);
    define(TestBudgets.daily("agent", TestBudgets.workflow("acme", "agent-7"), "1").build());
    spend(at("acme", "2026-03-01T10:00:00Z").setWorkflowId("other-flow"), "0.9");
    spend(at("acme", "2026-03-01T10:00:01Z"), "0.9");
    spend(at("acme", "2026-03-01T10:00:02Z").setWorkflowId("agent-7"), "0.6");

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.getThresholdPercent()).isEqualTo(50))
        .satisfies(a -> assertThat(a.getTriggeringEventId()).isEqualTo("evt-2"));
  }

  @Test
  void shouldRollOverAtMidnightOfTheBudgetsTimeZone() {
    start(null);
    define(
        TestBudgets.daily("ny", TestBudgets.tenant("acme"), "1")
            .setTimeZone("America/New_York")
            .build());
    spend(at("acme", "2026-03-02T03:00:00Z"), "0.6"); // March 1st, 22:00 in New York
    spend(at("acme", "2026-03-02T06:00:00Z"), "0.6"); // March 2nd, 01:00 in New York

    List<BudgetAlert> fired = alerts.readValuesToList();
    assertThat(fired)
        .extracting(BudgetAlert::getAlertId)
        .containsExactly(
            "ny/2026-03-01T05:00:00Z/THRESHOLD/50/defined/2020-01-01T00:00:00Z",
            "ny/2026-03-02T05:00:00Z/THRESHOLD/50/defined/2020-01-01T00:00:00Z");
  }

  @Test
  void shouldNotAlertAgainAfterARestartFromState() throws IOException {
    start(null);
    BudgetDefinition budget =
        TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build();
    define(budget);
    spend(at("acme", "2026-03-01T10:00:00Z"), "0.6");
    assertThat(alerts.readValuesToList()).hasSize(1);
    String scope = fixture.registryScope();
    stopCleanlyKeepingState();

    start(scope, RESTART);
    define(budget);
    spend(at("acme", "2026-03-01T10:00:01Z"), "0.1");
    spend(at("acme", "2026-03-01T10:00:02Z"), "0.2");

    assertThat(alerts.readValuesToList())
        .extracting(BudgetAlert::getThresholdPercent)
        .containsExactly(80);
    List<BudgetState> updates = states.readValuesToList();
    assertThat(updates.get(updates.size() - 1).getSpendUsd()).isEqualTo(TestEvents.money("0.9"));
  }

  @Test
  void shouldTombstoneTheStateOfADeletedBudgetAndStopAlertingOnIt() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT0S"));
    define(TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build());
    define(TestBudgets.daily("acme-other", TestBudgets.tenant("acme"), "1").build());
    spend(at("acme", "2026-03-01T10:00:00Z"), "0.6");
    assertThat(alerts.readValuesToList()).hasSize(2);
    states.readRecordsToList();

    budgets.pipeInput("acme-daily", null); // what `tokenmeter budgets delete` writes
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);
    assertThat(states.readKeyValuesToList()).containsExactly(KeyValue.pair("acme-daily", null));
    assertThat(spendStore().get("acme-daily")).isNull();

    spend(at("acme", "2026-03-01T10:00:01Z"), "0.6"); // would cross 80 % and 100 %
    assertThat(alerts.readValuesToList())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly(
            "acme-other/2026-03-01T00:00:00Z/THRESHOLD/80/defined/2020-01-01T00:00:00Z",
            "acme-other/2026-03-01T00:00:00Z/THRESHOLD/100/defined/2020-01-01T00:00:00Z");
    assertThat(states.readKeyValuesToList()).extracting(kv -> kv.key).containsOnly("acme-other");
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);
    assertThat(states.isEmpty()).as("one tombstone per deletion").isTrue();
  }

  @Test
  void shouldTreatTheDeletedFlagLikeATombstone() {
    start(null);
    BudgetDefinition budget =
        TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build();
    define(budget);
    spend(at("acme", "2026-03-01T10:00:00Z"), "0.2");
    states.readRecordsToList();

    define(BudgetDefinition.newBuilder(budget).setDeleted(true).build());
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);
    assertThat(states.readKeyValuesToList()).containsExactly(KeyValue.pair("acme-daily", null));
  }

  @Test
  void shouldTombstoneABudgetDeletedWhileTheProcessorWasDown() throws IOException {
    start(null);
    define(TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build());
    spend(at("acme", "2026-03-01T10:00:00Z"), "0.2");
    String scope = fixture.registryScope();
    stopCleanlyKeepingState();

    // The restarted driver's budgets topic no longer holds the budget: it was deleted meanwhile.
    start(scope, RESTART);
    assertThat(spendStore().get("acme-daily")).isNotNull();
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);
    assertThat(states.readKeyValuesToList()).containsExactly(KeyValue.pair("acme-daily", null));
    assertThat(spendStore().get("acme-daily")).isNull();
  }

  @Test
  void shouldDropWithoutATombstoneTheStateOfABudgetMovedToAnotherTenant() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT0S"));
    BudgetDefinition budget =
        TestBudgets.daily("team-daily", TestBudgets.tenant("acme"), "1").build();
    define(budget);
    spend(at("acme", "2026-03-01T10:00:00Z"), "0.6");
    states.readRecordsToList();
    alerts.readRecordsToList();

    // Another tenant's task would own the moved budget's state: a tombstone from the old one
    // could overtake the state the new one writes.
    define(
        BudgetDefinition.newBuilder(budget)
            .setScope(TestBudgets.tenant("beta"))
            .setUpdatedAt(Instant.parse("2026-03-01T11:00:00Z"))
            .build());
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);
    assertThat(spendStore().get("team-daily")).isNull();
    assertThat(states.isEmpty()).isTrue();

    spend(at("acme", "2026-03-01T12:00:00Z"), "0.6"); // no longer this budget's usage
    spend(at("beta", "2026-03-01T12:00:00Z"), "0.6");
    assertThat(alerts.readValuesToList())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly(
            "team-daily/2026-03-01T00:00:00Z/THRESHOLD/50/defined/2026-03-01T11:00:00Z");
    assertThat(spendStore().get("team-daily").getSpendUsd()).isEqualTo(TestEvents.money("0.6"));
  }

  @Test
  void shouldReleaseAHardBudgetAtOnceWhenItsLimitIsRaised() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT0S"));
    BudgetDefinition budget =
        TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build();
    define(budget);
    spend(at("acme", "2026-03-01T10:00:00Z"), "1.2");
    assertThat(states.readValuesToList().getLast().getStatus()).isEqualTo(BudgetStatus.EXCEEDED);

    // A gateway refuses the tenant's calls while EXCEEDED, so no event would come to carry the
    // raised limit: the new state must follow the definition by itself.
    define(BudgetDefinition.newBuilder(budget).setLimitUsd(TestEvents.money("5")).build());
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);

    BudgetState raised = states.readValuesToList().getLast();
    assertThat(raised.getLimitUsd()).isEqualTo(TestEvents.money("5"));
    assertThat(raised.getSpendUsd()).isEqualTo(TestEvents.money("1.2"));
    assertThat(raised.getStatus()).isEqualTo(BudgetStatus.OK); // 1.2 is below 50 % of 5
    assertThat(raised.getHighestThresholdCrossed()).isNull();
    assertThat(spendStore().get("acme-daily")).isEqualTo(raised);
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);
    assertThat(states.isEmpty()).as("one state per change").isTrue();
  }

  @Test
  void shouldShowARescopedBudgetFromZeroAtOnce() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT0S"));
    BudgetDefinition budget =
        TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build();
    define(budget);
    spend(at("acme", "2026-03-01T10:00:00Z"), "1.2");
    states.readRecordsToList();
    alerts.readRecordsToList();

    Instant redefined = Instant.parse("2026-03-01T11:00:00Z");
    define(
        BudgetDefinition.newBuilder(budget)
            .setScope(TestBudgets.workflow("acme", "rag"))
            .setUpdatedAt(redefined)
            .build());
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);

    BudgetState fresh = states.readValuesToList().getLast();
    assertThat(fresh.getScope()).isEqualTo(TestBudgets.workflow("acme", "rag"));
    assertThat(fresh.getSpendUsd()).isEqualTo(TestEvents.money("0"));
    assertThat(fresh.getStatus()).isEqualTo(BudgetStatus.OK);
    assertThat(fresh.getCountedSince()).isEqualTo(redefined);
    assertThat(fresh.getPeriodStart()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));

    spend(at("acme", "2026-03-01T12:00:00Z").setWorkflowId("rag"), "0.6");
    assertThat(alerts.readValuesToList())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly(
            "acme-daily/2026-03-01T00:00:00Z/THRESHOLD/50/defined/2026-03-01T11:00:00Z");
  }

  @Test
  void shouldForecastAgainForABudgetRescopedWithinTheSamePeriod() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT0S"));
    BudgetDefinition budget =
        TestBudgets.daily("acme-flow", TestBudgets.workflow("acme", "w1"), "1")
            .setForecastAlerts(true)
            .build();
    define(budget);
    // 0.45 by 10:00 projects 1.08 for the day: the forecast fires (and marks the period).
    spend(at("acme", "2026-03-01T10:00:00Z").setWorkflowId("w1"), "0.45");
    assertThat(alerts.readValuesToList())
        .extracting(BudgetAlert::getKind)
        .containsExactly(BudgetAlertKind.FORECAST);

    define(
        BudgetDefinition.newBuilder(budget)
            .setScope(TestBudgets.workflow("acme", "w2"))
            .setUpdatedAt(Instant.parse("2026-03-01T11:00:00Z"))
            .build());
    // The new measure's first event comes before any sweep, within the same period.
    spend(at("acme", "2026-03-01T12:00:00Z").setWorkflowId("w2"), "0.1");
    spend(at("acme", "2026-03-01T13:00:00Z").setWorkflowId("w2"), "0.45");

    assertThat(alerts.readValuesToList())
        .extracting(BudgetAlert::getAlertId)
        .containsExactly(
            "acme-flow/2026-03-01T00:00:00Z/THRESHOLD/50/defined/2026-03-01T11:00:00Z",
            "acme-flow/2026-03-01T00:00:00Z/FORECAST/forecast/defined/2026-03-01T11:00:00Z");
  }

  @Test
  void shouldRearmTheForecastWhenTheSweepAppliesANewLimit() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT0S"));
    BudgetDefinition budget =
        TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1")
            .setForecastAlerts(true)
            .build();
    define(budget);
    spend(at("acme", "2026-03-01T10:00:00Z"), "0.45"); // projects 1.08: the forecast fires
    KeyValueStore<String, Long> forecasts =
        fixture.driver().getKeyValueStore(StoreNames.BUDGET_FORECASTS);
    assertThat(forecasts.get("acme-daily")).isNotNull();

    define(
        BudgetDefinition.newBuilder(budget)
            .setLimitUsd(TestEvents.money("0.9"))
            .setUpdatedAt(Instant.parse("2026-03-01T10:30:00Z"))
            .build());
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);

    assertThat(forecasts.get("acme-daily")).isNull();
  }

  @Test
  void shouldTombstoneABudgetRedefinedWithAPeriodThisVersionCannotEvaluate() {
    start(null, Map.of(ProcessorSettings.BUDGET_STATE_INTERVAL, "PT0S"));
    BudgetDefinition budget =
        TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "1").build();
    define(budget);
    spend(at("acme", "2026-03-01T10:00:00Z"), "0.2");
    states.readRecordsToList();

    define(BudgetDefinition.newBuilder(budget).setPeriod(BudgetPeriod.UNKNOWN).build());
    fixture.driver().advanceWallClockTime(BudgetProcessor.DEFINITION_SWEEP_INTERVAL);

    assertThat(states.readKeyValuesToList()).containsExactly(KeyValue.pair("acme-daily", null));
  }

  private KeyValueStore<String, BudgetState> spendStore() {
    return fixture.driver().getKeyValueStore(StoreNames.BUDGET_SPEND);
  }
}
