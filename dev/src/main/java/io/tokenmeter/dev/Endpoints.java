package io.tokenmeter.dev;

import io.tokenmeter.processor.topology.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to connect to a running {@code dev}: printed at start and written to {@code
 * <data-dir>/endpoints.json}.
 */
public record Endpoints(
    String kafkaBootstrapServers,
    String schemaRegistryUrl,
    String clickHouseJdbcUrl,
    String clickHouseHttpUrl,
    String spendApiUrl,
    String spendApiToken) {

  /** Queries to paste into clickhouse-client, DBeaver or curl against the HTTP URL. */
  public static final List<String> SAMPLE_QUERIES =
      List.of(
          "SELECT tenant_id, count() AS events, sum(total_cost) AS spend_usd"
              + " FROM tokenmeter_priced_usage FINAL GROUP BY tenant_id ORDER BY spend_usd DESC",
          "SELECT provider, matched_model, sum(total_cost) AS spend_usd"
              + " FROM tokenmeter_priced_usage FINAL GROUP BY provider, matched_model"
              + " ORDER BY spend_usd DESC LIMIT 10",
          "SELECT alerted_at, budget_id, tenant_id, kind, threshold_percent, spend_usd, limit_usd"
              + " FROM tokenmeter_budget_alerts FINAL ORDER BY alerted_at DESC LIMIT 20",
          // Events still waiting for a price: an event priced later has a RESOLVED latest row.
          "SELECT count() AS waiting_for_a_price FROM tokenmeter_unpriced_usage FINAL"
              + " WHERE status = 'UNPRICED'");

  /** The JSON document of endpoints.json, in a stable key order. */
  public Map<String, Object> toJson() {
    Map<String, Object> topics = new LinkedHashMap<>();
    topics.put("usage", Topics.USAGE);
    topics.put("prices", Topics.PRICES);
    topics.put("budgets", Topics.BUDGETS);
    topics.put("priced_usage", Topics.PRICED_USAGE);
    topics.put("unpriced_usage", Topics.UNPRICED_USAGE);
    topics.put("aggregates", Topics.AGGREGATES);
    topics.put("budget_alerts", Topics.BUDGET_ALERTS);
    topics.put("budget_state", Topics.BUDGET_STATE);
    topics.put("dead_letters", Topics.DEAD_LETTERS);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kafka_bootstrap_servers", kafkaBootstrapServers);
    json.put("schema_registry_url", schemaRegistryUrl);
    json.put("clickhouse_jdbc_url", clickHouseJdbcUrl);
    json.put("clickhouse_http_url", clickHouseHttpUrl);
    json.put("spend_api_url", spendApiUrl);
    json.put("spend_api_token", spendApiToken);
    json.put("spend_api_example", spendApiExample());
    json.put("topics", topics);
    json.put("sql", SAMPLE_QUERIES);
    return json;
  }

  /** A request that works against this instance (the token is an admin token of this run). */
  public String spendApiExample() {
    return "curl -H 'Authorization: Bearer "
        + spendApiToken
        + "' "
        + spendApiUrl
        + "tenants/acme/spend";
  }

  /** The same, for people. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("Kafka bootstrap     ").append(kafkaBootstrapServers).append('\n');
    text.append("Schema registry     ").append(schemaRegistryUrl).append('\n');
    text.append("ClickHouse JDBC     ").append(clickHouseJdbcUrl).append('\n');
    text.append("ClickHouse HTTP     ").append(clickHouseHttpUrl).append('\n');
    text.append("Spend API           ").append(spendApiUrl).append('\n');
    text.append("  try               ").append(spendApiExample()).append('\n');
    text.append("Publish usage to    ").append(Topics.USAGE).append('\n');
    text.append("SQL to try:\n");
    SAMPLE_QUERIES.forEach(query -> text.append("  ").append(query).append(";\n"));
    return text.toString();
  }
}
