package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetScope;
import java.util.ArrayList;
import java.util.List;

/** {@code BudgetAlert} to {@code tokenmeter_budget_alerts}; the scope is flattened. */
public final class BudgetAlertRows implements RowMapper<BudgetAlert> {

  @Override
  public SinkTable table() {
    return SinkTable.BUDGET_ALERTS;
  }

  @Override
  public Class<BudgetAlert> recordType() {
    return BudgetAlert.class;
  }

  @Override
  public List<Object> payload(BudgetAlert alert) {
    BudgetScope scope = alert.getScope();
    List<Object> row = new ArrayList<>(table().columns().size());
    row.add(alert.getAlertId());
    row.add(alert.getKind().name());
    row.add(alert.getBudgetId());
    row.add(scope.getKind().name());
    row.add(scope.getTenantId());
    row.add(scope.getWorkflowId());
    row.add(scope.getUserId());
    row.add(scope.getTagKey());
    row.add(scope.getTagValue());
    row.add(alert.getPeriod().name());
    row.add(alert.getTimeZone());
    row.add(alert.getPeriodStart());
    row.add(alert.getPeriodEnd());
    row.add(alert.getMode().name());
    row.add(alert.getThresholdPercent());
    row.add(Money.column(alert.getSpendUsd(), "spend_usd"));
    row.add(Money.column(alert.getLimitUsd(), "limit_usd"));
    row.add(Money.nullableColumn(alert.getProjectedSpendUsd(), "projected_spend_usd"));
    row.add(alert.getTriggeringEventId());
    row.add(alert.getTriggeringEventTime());
    row.add(alert.getAlertedAt());
    return row;
  }
}
