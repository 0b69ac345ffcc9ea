package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetState;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides when a budget's new state is worth a record: at once when what a gateway acts on changed
 * (period, status, highest threshold), else at most once per interval, the rest left pending for
 * the next flush. Memory only: after a restart every budget is pending once, which re-emits the
 * stored state (harmless on a compacted topic) rather than risk never emitting the latest.
 */
final class StateThrottle {
  private final long intervalMs;
  private final Map<String, Long> lastEmittedMs = new HashMap<>();
  private final Set<String> pending = new LinkedHashSet<>();

  StateThrottle(Duration interval) {
    this.intervalMs = interval.toMillis();
  }

  /** Whether to emit {@code next} now; if not, the budget is marked pending. */
  boolean emitNow(String budgetId, BudgetState previous, BudgetState next, long nowMs) {
    Long last = lastEmittedMs.get(budgetId);
    boolean due = last == null || nowMs - last >= intervalMs || changedMeaning(previous, next);
    if (due) {
      lastEmittedMs.put(budgetId, nowMs);
      pending.remove(budgetId);
    } else {
      pending.add(budgetId);
    }
    return due;
  }

  /** Drops what is known about a deleted budget. */
  void forget(String budgetId) {
    pending.remove(budgetId);
    lastEmittedMs.remove(budgetId);
  }

  void markPending(String budgetId) {
    pending.add(budgetId);
  }

  /** The pending budgets, now considered emitted. */
  List<String> drain(long nowMs) {
    List<String> due = List.copyOf(pending);
    pending.clear();
    due.forEach(id -> lastEmittedMs.put(id, nowMs));
    return due;
  }

  private static boolean changedMeaning(BudgetState previous, BudgetState next) {
    return previous == null
        || !previous.getPeriodStart().equals(next.getPeriodStart())
        || previous.getStatus() != next.getStatus()
        || !Objects.equals(
            previous.getHighestThresholdCrossed(), next.getHighestThresholdCrossed());
  }
}
