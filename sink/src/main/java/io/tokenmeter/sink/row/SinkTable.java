package io.tokenmeter.sink.row;

import java.util.ArrayList;
import java.util.List;

/**
 * The ClickHouse tables the sink writes, with their columns in table order (the order of the {@code
 * CREATE TABLE} in the migrations, which the RowBinary insert path relies on).
 */
public enum SinkTable {
  PRICED_USAGE(
      "tokenmeter_priced_usage",
      concat(
          EventColumns.NAMES,
          List.of(
              "price_version_id",
              "matched_model",
              "service_tier",
              "price_tenant_id",
              "long_context_threshold_tokens"),
          CostColumns.NAMES,
          List.of("input_cost", "output_cost", "total_cost", "priced_at", "unpriced_since"))),
  AGGREGATES(
      "tokenmeter_usage_aggregates",
      concat(
          List.of(
              "window_size",
              "dimension",
              "tenant_id",
              "window_start",
              "window_end",
              "provider",
              "model",
              "workflow_id",
              "revision",
              "is_final",
              "event_count",
              "incomplete_usage_count"),
          TokenColumns.NAMES,
          CostColumns.NAMES,
          List.of(
              "total_cost", "latency_count", "latency_ms_sum", "latency_ms_max", "updated_at"))),
  BUDGET_ALERTS(
      "tokenmeter_budget_alerts",
      List.of(
          "alert_id",
          "kind",
          "budget_id",
          "scope_kind",
          "tenant_id",
          "scope_workflow_id",
          "scope_user_id",
          "scope_tag_key",
          "scope_tag_value",
          "period",
          "time_zone",
          "period_start",
          "period_end",
          "mode",
          "threshold_percent",
          "spend_usd",
          "limit_usd",
          "projected_spend_usd",
          "triggering_event_id",
          "triggering_event_time",
          "alerted_at")),
  UNPRICED_USAGE(
      "tokenmeter_unpriced_usage",
      concat(
          EventColumns.NAMES,
          List.of(
              "reason",
              "reason_message",
              "first_seen",
              "last_attempt_at",
              "status",
              "resolved_at",
              "resolved_price_version_id"))),
  DEAD_LETTERS(
      "tokenmeter_dead_letters",
      List.of(
          "original_topic",
          "original_partition",
          "original_offset",
          "original_timestamp",
          "key_hex",
          "value_hex",
          "reason",
          "reason_message",
          "stage",
          "exception_class",
          "failed_at"));

  private final String tableName;
  private final List<String> columns;

  SinkTable(String tableName, List<String> payloadColumns) {
    this.tableName = tableName;
    this.columns = concat(payloadColumns, SourceColumns.NAMES);
  }

  public String tableName() {
    return tableName;
  }

  /** Every column, in table order, the Kafka source columns last. */
  public List<String> columns() {
    return columns;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
