package io.tokenmeter.processor.budget;

import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.state.DecodedValueCache;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.PricedUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks each budget's period spend from priced usage and emits alerts and state, keyed by budget
 * id. A budget always has one tenant and priced usage is keyed by tenant, so one task owns all of a
 * budget's events; the state store and the outputs commit in one transaction under exactly_once_v2,
 * which is what makes "each threshold once per period" hold across restarts.
 *
 * <p>A deleted budget stops counting at once (it leaves the {@link BudgetIndex}); a sweep then
 * deletes its spend and writes a tombstone on budget state, within {@link
 * #DEFINITION_SWEEP_INTERVAL}. The same sweep applies changed definitions to the held state (a
 * raised limit releases a hard budget without waiting for an event) and drops the state of budgets
 * moved to another tenant. It compares the store with the index rather than remembering changes, so
 * a budget deleted or changed while the processor was down is handled after the restart.
 */
public final class BudgetProcessor implements Processor<String, PricedUsage, String, BudgetOutput> {
  /** How often (wall clock) the held state is compared with changed budget definitions. */
  public static final Duration DEFINITION_SWEEP_INTERVAL = Duration.ofSeconds(1);

  private static final Logger LOGGER = LoggerFactory.getLogger(BudgetProcessor.class);

  private final BudgetIndex budgets;
  private final Clock clock;
  private final Duration stateInterval;
  private final StateThrottle throttle;
  private ProcessorContext<String, BudgetOutput> context;
  private KeyValueStore<String, BudgetState> spend;
  private DecodedValueCache<BudgetState> spendValues;
  private KeyValueStore<String, Long> forecasts;
  private Sensor alertsSensor;
  private Sensor stateSensor;
  private long sweptVersion = -1;

  public BudgetProcessor(BudgetIndex budgets, Clock clock, Duration stateInterval) {
    this.budgets = budgets;
    this.clock = clock;
    this.stateInterval = stateInterval;
    this.throttle = new StateThrottle(stateInterval);
  }

  @Override
  public void init(ProcessorContext<String, BudgetOutput> context) {
    this.context = context;
    // A task revived after an aborted transaction runs init again on this object: the sweep it
    // made was rolled back with the transaction, so it must run again.
    sweptVersion = -1;
    spend = context.getStateStore(StoreNames.BUDGET_SPEND);
    spendValues = new DecodedValueCache<>(spend, DecodedValueCache.DEFAULT_ENTRIES);
    forecasts = context.getStateStore(StoreNames.BUDGET_FORECASTS);
    alertsSensor = ProcessorMetrics.sensor(context, ProcessorMetrics.ALERTS_EMITTED);
    stateSensor = ProcessorMetrics.sensor(context, ProcessorMetrics.BUDGET_STATE_UPDATES);
    if (!stateInterval.isZero()) {
      try (KeyValueIterator<String, BudgetState> all = spend.all()) {
        all.forEachRemaining(entry -> throttle.markPending(entry.key));
      }
      context.schedule(stateInterval, PunctuationType.WALL_CLOCK_TIME, now -> flushPending());
    }
    context.schedule(
        DEFINITION_SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::sweepDefinitions);
  }

  private void flushPending() {
    for (String id : throttle.drain(clock.millis())) {
      BudgetState state = spendValues.get(id);
      BudgetDefinition definition = budgets.get(id);
      if (state != null && tracked(definition) && sameTenant(definition, state)) {
        emit(id, state, state.getUpdatedAt().toEpochMilli());
      }
    }
  }

  /**
   * Brings the held state in line with the definitions: tombstones the state of budgets no longer
   * defined; drops (without a tombstone) the state of budgets moved to another tenant, whose task
   * owns it now and writes its state, which a tombstone from here could overtake; and emits at once
   * the state of budgets whose limit, mode or measure changed.
   */
  private void sweepDefinitions(long nowMs) {
    long version = budgets.version();
    if (!budgets.loaded() || version == sweptVersion) {
      return;
    }
    List<String> deleted = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    List<BudgetState> redefined = new ArrayList<>();
    List<String> rearmed = new ArrayList<>();
    try (KeyValueIterator<String, BudgetState> all = spend.all()) {
      all.forEachRemaining(
          entry -> {
            BudgetDefinition definition = budgets.get(entry.key);
            if (!tracked(definition)) {
              deleted.add(entry.key);
            } else if (!sameTenant(definition, entry.value)) {
              moved.add(entry.key);
            } else {
              BudgetSpend.redefine(definition, entry.value, clock.instant())
                  .ifPresent(redefined::add);
              if (!BudgetSpend.measuresTheSame(definition, entry.value)
                  || !BudgetSpend.sameLimit(definition, entry.value)) {
                rearmed.add(entry.key); // a new measure or limit may forecast again
              }
            }
          });
    }
    for (String id : deleted) {
      forget(id);
      stateSensor.record();
      context.forward(new Record<>(id, new BudgetOutput.Deleted(), nowMs));
    }
    moved.forEach(this::forget);
    rearmed.forEach(forecasts::delete);
    for (BudgetState state : redefined) {
      spendValues.put(state.getBudgetId(), state);
      emit(state.getBudgetId(), state, nowMs);
    }
    if (!deleted.isEmpty()) {
      LOGGER.info("Budgets deleted, state tombstoned: {}", deleted);
    }
    if (!moved.isEmpty()) {
      LOGGER.info("Budgets moved to another tenant, this task's state for them dropped: {}", moved);
    }
    if (!redefined.isEmpty()) {
      LOGGER.info(
          "Budgets redefined, state re-emitted: {}",
          redefined.stream().map(BudgetState::getBudgetId).toList());
    }
    sweptVersion = version;
  }

  /**
   * Whether this processor counts for the definition: a period kind it does not know (UNKNOWN, from
   * a newer writer) cannot be evaluated, so such a budget is treated as not defined here.
   */
  private static boolean tracked(BudgetDefinition definition) {
    return definition != null && definition.getPeriod() != BudgetPeriod.UNKNOWN;
  }

  private static boolean sameTenant(BudgetDefinition definition, BudgetState state) {
    return definition.getScope().getTenantId().equals(state.getScope().getTenantId());
  }

  private void forget(String id) {
    spendValues.delete(id);
    forecasts.delete(id);
    throttle.forget(id);
  }

  private void emit(String id, BudgetState state, long timestamp) {
    stateSensor.record();
    context.forward(new Record<>(id, new BudgetOutput.State(state), timestamp));
  }

  @Override
  public void process(Record<String, PricedUsage> record) {
    PricedUsage priced = record.value();
    for (BudgetDefinition budget : budgets.forTenant(priced.getEvent().getTenantId())) {
      if (tracked(budget) && BudgetScopes.matches(budget.getScope(), priced.getEvent())) {
        track(budget, priced, record.timestamp());
      }
    }
  }

  private void track(BudgetDefinition budget, PricedUsage priced, long timestamp) {
    String id = budget.getBudgetId();
    BudgetState current = spendValues.get(id);
    Long forecastPeriod = forecasts.get(id);
    boolean forecastFired =
        current != null
            && forecastPeriod != null
            && forecastPeriod == current.getPeriodStart().toEpochMilli();
    Optional<BudgetStep> step =
        BudgetSpend.add(budget, current, forecastFired, priced, clock.instant());
    if (step.isEmpty()) {
      return;
    }
    BudgetState state = step.get().state();
    spendValues.put(id, state);
    long periodStart = state.getPeriodStart().toEpochMilli();
    if (step.get().forecastFired()) {
      if (forecastPeriod == null || forecastPeriod != periodStart) {
        forecasts.put(id, periodStart);
      }
    } else if (forecastPeriod != null) {
      // The marker belongs to an earlier period or measure (a re-scoped budget keeps its period
      // start): left, it would stop the new one's forecast.
      forecasts.delete(id);
    }
    for (BudgetAlert alert : step.get().alerts()) {
      alertsSensor.record();
      context.forward(new Record<>(id, new BudgetOutput.Alert(alert), timestamp));
    }
    if (throttle.emitNow(id, current, state, clock.millis())) {
      emit(id, state, timestamp);
    }
  }
}
