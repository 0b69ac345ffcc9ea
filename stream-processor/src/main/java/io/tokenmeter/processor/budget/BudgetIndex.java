package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live budget definitions by tenant, filled from the budgets topic by the global-store thread and
 * read by stream threads, so a new or changed budget applies without a restart.
 */
public final class BudgetIndex {
  private final Map<String, BudgetDefinition> byId = new ConcurrentHashMap<>();
  private volatile Map<String, List<BudgetDefinition>> byTenant = Map.of();

  /** Adds or replaces a budget; a definition with {@code deleted = true} removes it. */
  public synchronized void upsert(BudgetDefinition budget) {
    if (budget.getDeleted()) {
      byId.remove(budget.getBudgetId());
    } else {
      byId.put(budget.getBudgetId(), budget);
    }
    reindex();
  }

  public synchronized void remove(String budgetId) {
    byId.remove(budgetId);
    reindex();
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
                    .computeIfAbsent(
                        budget.getScope().getTenantId(), t -> new java.util.ArrayList<>())
                    .add(budget));
    index.replaceAll((tenant, budgets) -> List.copyOf(budgets));
    byTenant = Map.copyOf(index);
  }
}
