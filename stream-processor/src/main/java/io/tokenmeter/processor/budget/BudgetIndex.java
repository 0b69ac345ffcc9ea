package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live budget definitions by tenant, filled from the budgets topic by the global-store thread and
 * read by stream threads, so a new or changed budget applies without a restart.
 */
public final class BudgetIndex {
  private final Map<String, BudgetDefinition> byId = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private volatile Map<String, List<BudgetDefinition>> byTenant = Map.of();
  private volatile boolean loaded;

  /** Adds or replaces a budget; a definition with {@code deleted = true} removes it. */
  public synchronized void upsert(BudgetDefinition budget) {
    if (budget.getDeleted()) {
      remove(budget.getBudgetId());
      return;
    }
    byId.put(budget.getBudgetId(), budget);
    reindex();
    // After the reindex: a sweep that saw this version also sees events routed by it.
    version.incrementAndGet();
  }

  public synchronized void remove(String budgetId) {
    if (byId.remove(budgetId) != null) {
      reindex();
      version.incrementAndGet();
    }
  }

  /** The live definition, or null if the budget is not (or no longer) defined. */
  public BudgetDefinition get(String budgetId) {
    return byId.get(budgetId);
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
    return version.get();
  }

  private static String tenantOf(BudgetDefinition budget) {
    return budget.getScope().getTenantId();
  }

  /** The live budgets of a tenant (every scope kind). */
  public List<BudgetDefinition> forTenant(String tenantId) {
    return byTenant.getOrDefault(tenantId, List.of());
  }

  private void reindex() {
    Map<String, List<BudgetDefinition>> index = new ConcurrentHashMap<>();
    byId.values().stream()
        .sorted(java.util.Comparator.comparing(BudgetDefinition::getBudgetId))
        .forEach(
            budget ->
                index
                    .computeIfAbsent(tenantOf(budget), t -> new java.util.ArrayList<>())
                    .add(budget));
    index.replaceAll((tenant, budgets) -> List.copyOf(budgets));
    byTenant = Map.copyOf(index);
  }
}
