package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.WindowedAggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code WindowedAggregate} to {@code tokenmeter_usage_aggregates}. The optional key fields
 * (provider, model, workflow_id) are stored as {@code ''} when null because they are part of the
 * table's sort key (see the migration).
 */
public final class AggregateRows implements RowMapper<WindowedAggregate> {

  /** What an absent provider, model or workflow_id is stored as. */
  public static final String ABSENT_KEY = "";

  @Override
  public SinkTable table() {
    return SinkTable.AGGREGATES;
  }

  @Override
  public Class<WindowedAggregate> recordType() {
    return WindowedAggregate.class;
  }

  @Override
  public List<Object> payload(WindowedAggregate aggregate) {
    List<Object> row = new ArrayList<>(table().columns().size());
    row.add(aggregate.getWindowSize().name());
    row.add(aggregate.getDimension().name());
    row.add(aggregate.getTenantId());
    row.add(aggregate.getWindowStart());
    row.add(aggregate.getWindowEnd());
    row.add(orAbsent(aggregate.getProvider()));
    row.add(orAbsent(aggregate.getModel()));
    row.add(orAbsent(aggregate.getWorkflowId()));
    row.add(aggregate.getRevision());
    row.add(aggregate.getIsFinal());
    row.add(aggregate.getEventCount());
    row.add(aggregate.getIncompleteUsageCount());
    TokenColumns.append(row, aggregate.getTokens());
    CostColumns.append(row, aggregate.getCost());
    row.add(Money.column(aggregate.getTotalCost(), "total_cost"));
    row.add(aggregate.getLatencyCount());
    row.add(aggregate.getLatencyMsSum());
    row.add(aggregate.getLatencyMsMax());
    row.add(aggregate.getUpdatedAt());
    return row;
  }

  private static String orAbsent(String key) {
    return key == null ? ABSENT_KEY : key;
  }
}
