package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Live budget definitions by tenant, filled from the budgets topic by the global-store thread and
 * read by stream threads, so a new or changed budget applies without a restart. Each change
 * publishes one immutable snapshot (definitions by id and by tenant, and a version), so a reader
 * never sees a definition by id that routing by tenant does not know yet.
 */
public final class BudgetIndex {
  private record Snapshot(
      Map<String, BudgetDefinition> byId,
      Map<String, List<BudgetDefinition>> byTenant,
      long version) {}

  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), 0);
  private volatile boolean loaded;

  /** Adds or replaces a budget; a definition with {@code deleted = true} removes it. */
  public synchronized void upsert(BudgetDefinition budget) {
    if (budget.getDeleted()) {
      remove(budget.getBudgetId());
      return;
    }
    Map<String, BudgetDefinition> byId = new HashMap<>(snapshot.byId());
    byId.put(budget.getBudgetId(), budget);
    publish(byId);
  }

  public synchronized void remove(String budgetId) {
    if (snapshot.byId().containsKey(budgetId)) {
      Map<String, BudgetDefinition> byId = new HashMap<>(snapshot.byId());
      byId.remove(budgetId);
      publish(byId);
    }
  }

  /**
   * Called once the whole budgets topic has been read: before that, a budget missing from the index
   * may just not be loaded yet, so nothing may be treated as deleted.
   */
  public void markLoaded() {
    loaded = true;
  }

  public boolean loaded() {
    return loaded;
  }

  /** Counts changes of the definitions; a new value means the tasks' budget state needs a look. */
  public long version() {
    return snapshot.version();
  }

  /** The live definition, or null if the budget is not (or no longer) defined. */
  public BudgetDefinition get(String budgetId) {
    return snapshot.byId().get(budgetId);
  }

  /** The live budgets of a tenant (every scope kind), ordered by id. */
  public List<BudgetDefinition> forTenant(String tenantId) {
    return snapshot.byTenant().getOrDefault(tenantId, List.of());
  }

  private void publish(Map<String, BudgetDefinition> byId) {
    Map<String, List<BudgetDefinition>> byTenant = new HashMap<>();
    byId.values().stream()
        .sorted(Comparator.comparing(BudgetDefinition::getBudgetId))
        .forEach(
            budget ->
                byTenant
                    .computeIfAbsent(budget.getScope().getTenantId(), t -> new ArrayList<>())
                    .add(budget));
    byTenant.replaceAll((tenant, budgets) -> List.copyOf(budgets));
    snapshot = new Snapshot(Map.copyOf(byId), Map.copyOf(byTenant), snapshot.version() + 1);
  }
}
