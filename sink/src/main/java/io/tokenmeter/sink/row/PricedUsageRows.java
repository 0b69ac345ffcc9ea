package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.PricedUsage;
import java.util.ArrayList;
import java.util.List;

/** {@code PricedUsage} to {@code tokenmeter_priced_usage}. */
public final class PricedUsageRows implements RowMapper<PricedUsage> {

  @Override
  public SinkTable table() {
    return SinkTable.PRICED_USAGE;
  }

  @Override
  public Class<PricedUsage> recordType() {
    return PricedUsage.class;
  }

  @Override
  public List<Object> payload(PricedUsage priced) {
    List<Object> row = new ArrayList<>(table().columns().size());
    EventColumns.append(row, priced.getEvent());
    row.add(priced.getPriceVersionId());
    row.add(priced.getMatchedModel());
    row.add(priced.getServiceTier());
    row.add(priced.getPriceTenantId());
    row.add(priced.getLongContextThresholdTokens());
    CostColumns.append(row, priced.getCost());
    row.add(Money.column(priced.getInputCost(), "input_cost"));
    row.add(Money.column(priced.getOutputCost(), "output_cost"));
    row.add(Money.column(priced.getTotalCost(), "total_cost"));
    row.add(priced.getPricedAt());
    row.add(priced.getUnpricedSince());
    return row;
  }
}
