package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.UsageEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The usage event's columns, shared by the priced and unpriced usage tables. */
final class EventColumns {

  /** In row order: what {@link #append} writes, with the token columns in the middle. */
  static final List<String> NAMES =
      Stream.of(
              List.of(
                  "event_id",
                  "event_time",
                  "tenant_id",
                  "workflow_id",
                  "task_id",
                  "user_id",
                  "operation",
                  "tags",
                  "provider",
                  "model",
                  "event_service_tier",
                  "region",
                  "latency_ms",
                  "usage_complete"),
              TokenColumns.NAMES,
              List.of("provider_reported_cost_usd", "provider_request_id"))
          .flatMap(List::stream)
          .toList();

  private EventColumns() {}

  static void append(List<Object> row, UsageEvent event) {
    if (event.getTenantId().isEmpty()) {
      throw new RowMappingException("event.tenant_id is empty; every usage event needs a tenant");
    }
    row.add(event.getEventId());
    row.add(event.getEventTime());
    row.add(event.getTenantId());
    row.add(event.getWorkflowId());
    row.add(event.getTaskId());
    row.add(event.getUserId());
    row.add(event.getOperation());
    row.add(Map.copyOf(event.getTags()));
    row.add(event.getProvider());
    row.add(event.getModel());
    row.add(event.getServiceTier());
    row.add(event.getRegion());
    row.add(event.getLatencyMs());
    row.add(event.getUsageComplete());
    TokenColumns.append(row, event.getUsage());
    row.add(
        Money.nullableColumn(
            event.getProviderReportedCostUsd(), "event.provider_reported_cost_usd"));
    row.add(event.getProviderRequestId());
  }
}
