package io.tokenmeter.dev.view;

import java.time.Instant;
import java.util.List;

/**
 * What one refresh of the live view shows.
 *
 * @param takenAt when the figures were read
 * @param tenants spend today per tenant, largest first
 * @param eventsPerSecond priced events per second since the previous refresh
 * @param published demo events the broker acknowledged (-1 without demo)
 * @param alerts the latest budget alerts, newest first
 */
public record ViewSnapshot(
    Instant takenAt,
    List<TenantSpend> tenants,
    double eventsPerSecond,
    long published,
    List<AlertLine> alerts) {

  public ViewSnapshot {
    tenants = List.copyOf(tenants);
    alerts = List.copyOf(alerts);
  }

  /** Priced events today over all tenants. */
  public long totalEvents() {
    return tenants.stream().mapToLong(TenantSpend::events).sum();
  }
}
