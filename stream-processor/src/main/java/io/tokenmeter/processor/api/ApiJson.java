package io.tokenmeter.processor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmeter.processor.aggregate.CostSums;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * JSON bodies of the API. Money is a JSON string with exactly 12 decimals ("0.001250000000"): JSON
 * numbers are read as binary floating point by most clients, which would change the value.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiJson() {}

  public static String spend(TenantSpend spend) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tenant_id", spend.tenantId());
    root.put("period", spend.period());
    root.put("period_start", spend.periodStart().toString());
    root.put("period_end", spend.periodEnd().toString());
    root.put("currency", "USD");
    totals(root, spend.total());
    ArrayNode models = root.putArray("by_model");
    for (WindowedAggregate model : spend.byModel()) {
      ObjectNode node = models.addObject();
      node.put("provider", model.getProvider());
      node.put("model", model.getModel());
      totals(node, model);
    }
    ArrayNode workflows = root.putArray("by_workflow");
    for (WindowedAggregate workflow : spend.byWorkflow()) {
      ObjectNode node = workflows.addObject();
      node.put("workflow_id", workflow.getWorkflowId());
      totals(node, workflow);
    }
    return write(root);
  }

  public static String budget(BudgetState state) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("budget_id", state.getBudgetId());
    root.put("tenant_id", state.getScope().getTenantId());
    root.put("scope_kind", state.getScope().getKind().name());
    root.put("period", state.getPeriod().name());
    root.put("time_zone", state.getTimeZone());
    root.put("period_start", state.getPeriodStart().toString());
    root.put("period_end", state.getPeriodEnd().toString());
    root.put("spend_usd", money(state.getSpendUsd()));
    root.put("limit_usd", money(state.getLimitUsd()));
    root.put("status", state.getStatus().name());
    root.put("mode", state.getMode().name());
    root.put("highest_threshold_crossed", state.getHighestThresholdCrossed());
    root.put("counted_since", instant(state.getCountedSince()));
    root.put("updated_at", state.getUpdatedAt().toString());
    return write(root);
  }

  public static String alerts(String tenantId, List<BudgetAlert> alerts) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tenant_id", tenantId);
    ArrayNode list = root.putArray("alerts");
    for (BudgetAlert alert : alerts) {
      ObjectNode node = list.addObject();
      node.put("alert_id", alert.getAlertId());
      node.put("kind", alert.getKind().name());
      node.put("budget_id", alert.getBudgetId());
      node.put("period", alert.getPeriod().name());
      node.put("period_start", alert.getPeriodStart().toString());
      node.put("period_end", alert.getPeriodEnd().toString());
      node.put("threshold_percent", alert.getThresholdPercent());
      node.put("spend_usd", money(alert.getSpendUsd()));
      node.put("limit_usd", money(alert.getLimitUsd()));
      BigDecimal projected = alert.getProjectedSpendUsd();
      node.put("projected_spend_usd", projected == null ? null : money(projected));
      node.put("mode", alert.getMode().name());
      node.put("triggering_event_id", alert.getTriggeringEventId());
      node.put("alerted_at", alert.getAlertedAt().toString());
    }
    return write(root);
  }

  /** {@code {"error": message}} plus extra fields given as name, value pairs. */
  public static String error(String message, String... namesAndValues) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("error", message);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      root.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return write(root);
  }

  /** Money at the schemas' scale as a plain decimal string (never exponent notation). */
  public static String money(BigDecimal value) {
    return CostSums.exact(value).toPlainString();
  }

  private static void totals(ObjectNode node, WindowedAggregate totals) {
    node.put("total_usd", money(totals == null ? CostSums.ZERO : totals.getTotalCost()));
    node.put("event_count", totals == null ? 0 : totals.getEventCount());
    node.put("input_tokens", totals == null ? 0 : totals.getTokens().getInputTokens());
    node.put("output_tokens", totals == null ? 0 : totals.getTokens().getOutputTokens());
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a JSON tree", e);
    }
  }
}
