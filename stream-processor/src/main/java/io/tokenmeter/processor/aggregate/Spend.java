package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.CostBreakdown;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The running totals of one aggregate and the steps that change them. Each step makes the next
 * revision, so the sink can keep the highest revision per key.
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

  /**
   * Adds {@code priced} to {@code totals} in place as the next revision; {@code isFinal} marks a
   * correction after close. In place because this runs 12 times per event and copying the record
   * with Avro's builder (a deep copy) cost more than the rest of the aggregation. All or nothing:
   * whatever can fail (a count overflowing, a money value with more than 12 decimals) is computed
   * before the first field changes, so a failed add leaves the totals as they were.
   */
  public static void addTo(
      WindowedAggregate totals, PricedUsage priced, boolean isFinal, Instant now) {
    UsageEvent event = priced.getEvent();
    Long latency = event.getLatencyMs();
    TokenUsage tokens = TokenSums.plus(totals.getTokens(), event.getUsage());
    CostBreakdown cost = CostSums.plus(totals.getCost(), priced.getCost());
    BigDecimal totalCost = CostSums.add(totals.getTotalCost(), priced.getTotalCost());
    long latencySum = Math.addExact(totals.getLatencyMsSum(), latency == null ? 0 : latency);
    totals.setRevision(totals.getRevision() + 1);
    totals.setIsFinal(isFinal);
    totals.setEventCount(totals.getEventCount() + 1);
    totals.setIncompleteUsageCount(
        totals.getIncompleteUsageCount() + (event.getUsageComplete() ? 0 : 1));
    totals.setTokens(tokens);
    totals.setCost(cost);
    totals.setTotalCost(totalCost);
    totals.setLatencyCount(totals.getLatencyCount() + (latency == null ? 0 : 1));
    totals.setLatencyMsSum(latencySum);
    totals.setLatencyMsMax(maxLatency(totals.getLatencyMsMax(), latency));
    totals.setUpdatedAt(now);
  }

  /** Marks the same totals, in place, as the window's final value, as the next revision. */
  public static void close(WindowedAggregate totals, Instant now) {
    totals.setRevision(totals.getRevision() + 1);
    totals.setIsFinal(true);
    totals.setUpdatedAt(now);
  }

  private static Long maxLatency(Long current, Long latency) {
    if (latency == null) {
      return current;
    }
    return current == null ? latency : Math.max(current, latency);
  }
}
