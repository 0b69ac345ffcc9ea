package io.tokenmeter.dev.view;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reads what the view shows from ClickHouse with clickhouse-jdbc, as any client would. */
public final class SpendQueries {

  /** FINAL: a replayed event must not be counted twice before the merge removes it. */
  public static final String SPEND_TODAY =
      "SELECT tenant_id, count() AS events, sum(total_cost) AS spend_usd"
          + " FROM tokenmeter_priced_usage FINAL"
          + " WHERE event_time >= toDateTime64('%s', 3, 'UTC')"
          + " GROUP BY tenant_id ORDER BY spend_usd DESC, tenant_id";

  public static final String LATEST_ALERTS =
      "SELECT alerted_at, budget_id, tenant_id, toString(kind) AS kind, threshold_percent,"
          + " spend_usd, limit_usd FROM tokenmeter_budget_alerts FINAL"
          + " ORDER BY alerted_at DESC LIMIT %d";

  private final String jdbcUrl;

  public SpendQueries(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** Spend since midnight UTC of {@code now}'s day, per tenant. */
  public List<TenantSpend> spendToday(Instant now) throws SQLException {
    String midnight =
        now.atOffset(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.DAYS)
            .toLocalDateTime()
            .toString()
            .replace('T', ' ');
    List<TenantSpend> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement statement =
            connection.prepareStatement(String.format(SPEND_TODAY, midnight));
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(
            new TenantSpend(
                result.getString("tenant_id"),
                result.getLong("events"),
                result.getBigDecimal("spend_usd")));
      }
    }
    return rows;
  }

  public List<AlertLine> latestAlerts(int limit) throws SQLException {
    List<AlertLine> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement statement =
            connection.prepareStatement(String.format(LATEST_ALERTS, limit));
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        int threshold = result.getInt("threshold_percent");
        Integer thresholdOrNull = result.wasNull() ? null : threshold;
        rows.add(
            new AlertLine(
                result.getTimestamp("alerted_at").toInstant(),
                result.getString("budget_id"),
                result.getString("tenant_id"),
                result.getString("kind"),
                thresholdOrNull,
                result.getBigDecimal("spend_usd"),
                result.getBigDecimal("limit_usd")));
      }
    }
    return rows;
  }
}
