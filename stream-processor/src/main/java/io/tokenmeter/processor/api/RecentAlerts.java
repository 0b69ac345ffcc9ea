package io.tokenmeter.processor.api;

import io.tokenmeter.schema.v1.BudgetAlert;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@code perTenant} budget alerts of each tenant, newest first, in memory. Filled from the
 * committed alerts topic by {@link AlertTopicReader} on every instance (alerts are few), so it
 * needs no routing and survives a restart by re-reading the topic.
 */
public final class RecentAlerts {
  public static final int DEFAULT_PER_TENANT = 100;

  private final int perTenant;
  private final Map<String, Deque<BudgetAlert>> byTenant = new HashMap<>();

  public RecentAlerts(int perTenant) {
    if (perTenant < 1) {
      throw new IllegalArgumentException("perTenant must be at least 1, was " + perTenant);
    }
    this.perTenant = perTenant;
  }

  public synchronized void add(BudgetAlert alert) {
    Deque<BudgetAlert> ring =
        byTenant.computeIfAbsent(alert.getScope().getTenantId(), t -> new ArrayDeque<>());
    // alert_id is deterministic: a re-read topic (or a duplicate) must not show an alert twice.
    if (ring.stream().anyMatch(a -> a.getAlertId().equals(alert.getAlertId()))) {
      return;
    }
    ring.addFirst(alert);
    if (ring.size() > perTenant) {
      ring.removeLast();
    }
  }

  public synchronized List<BudgetAlert> recent(String tenantId) {
    return new ArrayList<>(byTenant.getOrDefault(tenantId, new ArrayDeque<>()));
  }
}
