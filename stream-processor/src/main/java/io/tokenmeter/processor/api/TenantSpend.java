package io.tokenmeter.processor.api;

import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's spend in one period: the tenant total (null when nothing was spent) and the totals by
 * provider x model and by workflow, each as the processor's current window totals.
 */
public record TenantSpend(
    String tenantId,
    String period,
    Instant periodStart,
    Instant periodEnd,
    WindowedAggregate total,
    List<WindowedAggregate> byModel,
    List<WindowedAggregate> byWorkflow) {

  public TenantSpend {
    byModel = List.copyOf(byModel);
    byWorkflow = List.copyOf(byWorkflow);
  }
}
