package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.util.List;

/**
 * Identity of one aggregate: dimension, window and the dimension's key fields, exactly the upsert
 * key documented on {@code WindowedAggregate}.
 */
public record AggregateKey(
    AggregateDimension dimension,
    AggregateWindow window,
    long windowStartMs,
    String tenantId,
    String provider,
    String model,
    String workflowId) {

  /** The key of {@code priced} for one dimension and window start. */
  public static AggregateKey of(
      AggregateDimension dimension,
      AggregateWindow window,
      long windowStartMs,
      PricedUsage priced) {
    UsageEvent event = priced.getEvent();
    return switch (dimension) {
      case TENANT ->
          new AggregateKey(dimension, window, windowStartMs, event.getTenantId(), null, null, null);
      case TENANT_MODEL ->
          new AggregateKey(
              dimension,
              window,
              windowStartMs,
              event.getTenantId(),
              event.getProvider(),
              priced.getMatchedModel(),
              null);
      case TENANT_WORKFLOW ->
          new AggregateKey(
              dimension,
              window,
              windowStartMs,
              event.getTenantId(),
              null,
              null,
              event.getWorkflowId());
      case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN is not an aggregate dimension");
    };
  }

  /** The dimensions tokenmeter aggregates by. */
  public static List<AggregateDimension> dimensions() {
    return List.of(
        AggregateDimension.TENANT,
        AggregateDimension.TENANT_MODEL,
        AggregateDimension.TENANT_WORKFLOW);
  }

  public long windowEndMs() {
    return window.endOf(windowStartMs);
  }

  /**
   * An unambiguous text id (each field length-prefixed, so no separator inside a tenant id can make
   * two keys equal); the Kafka key of the aggregate records.
   */
  public String id() {
    StringBuilder id = new StringBuilder();
    id.append(dimension.name()).append('/').append(window.name()).append('/').append(windowStartMs);
    for (String part : new String[] {tenantId, provider, model, workflowId}) {
      id.append('/');
      if (part == null) {
        id.append('-');
      } else {
        id.append(part.length()).append(':').append(part);
      }
    }
    return id.toString();
  }
}
