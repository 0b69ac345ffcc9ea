package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Instant;

/**
 * The running totals of one aggregate and the steps that change them. Each step returns a new
 * record with the next revision, so the sink can keep the highest revision per key.
 */
public final class Spend {
  private Spend() {}

  /** Totals of a window nothing has been added to yet (revision 0, never emitted). */
  public static WindowedAggregate empty(AggregateKey key) {
    return WindowedAggregate.newBuilder()
        .setWindowStart(Instant.ofEpochMilli(key.windowStartMs()))
        .setWindowEnd(Instant.ofEpochMilli(key.windowEndMs()))
        .setWindowSize(key.window().schemaSize())
        .setDimension(key.dimension())
        .setTenantId(key.tenantId())
        .setProvider(key.provider())
        .setModel(key.model())
        .setWorkflowId(key.workflowId())
        .setRevision(0)
        .setIsFinal(false)
        .setEventCount(0)
        .setIncompleteUsageCount(0)
        .setTokens(TokenSums.zero())
        .setCost(CostSums.zero())
        .setTotalCost(CostSums.ZERO)
        .setLatencyCount(0)
        .setLatencyMsSum(0)
        .setLatencyMsMax(null)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }

  /** {@code totals} with {@code priced} added; {@code isFinal} marks a correction after close. */
  public static WindowedAggregate add(
      WindowedAggregate totals, PricedUsage priced, boolean isFinal, Instant now) {
    UsageEvent event = priced.getEvent();
    Long latency = event.getLatencyMs();
    return WindowedAggregate.newBuilder(totals)
        .setRevision(totals.getRevision() + 1)
        .setIsFinal(isFinal)
        .setEventCount(totals.getEventCount() + 1)
        .setIncompleteUsageCount(
            totals.getIncompleteUsageCount() + (event.getUsageComplete() ? 0 : 1))
        .setTokens(TokenSums.add(totals.getTokens(), event.getUsage()))
        .setCost(CostSums.add(totals.getCost(), priced.getCost()))
        .setTotalCost(CostSums.add(totals.getTotalCost(), priced.getTotalCost()))
        .setLatencyCount(totals.getLatencyCount() + (latency == null ? 0 : 1))
        .setLatencyMsSum(totals.getLatencyMsSum() + (latency == null ? 0 : latency))
        .setLatencyMsMax(maxLatency(totals.getLatencyMsMax(), latency))
        .setUpdatedAt(now)
        .build();
  }

  /** The same totals marked as the window's final value, as the next revision. */
  public static WindowedAggregate close(WindowedAggregate totals, Instant now) {
    return WindowedAggregate.newBuilder(totals)
        .setRevision(totals.getRevision() + 1)
        .setIsFinal(true)
        .setUpdatedAt(now)
        .build();
  }

  private static Long maxLatency(Long current, Long latency) {
    if (latency == null) {
      return current;
    }
    return current == null ? latency : Math.max(current, latency);
  }
}
