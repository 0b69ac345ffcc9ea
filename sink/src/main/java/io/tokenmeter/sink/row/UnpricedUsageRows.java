package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.UnpricedUsage;
import java.util.ArrayList;
import java.util.List;

/** {@code UnpricedUsage} to {@code tokenmeter_unpriced_usage}. */
public final class UnpricedUsageRows implements RowMapper<UnpricedUsage> {

  @Override
  public SinkTable table() {
    return SinkTable.UNPRICED_USAGE;
  }

  @Override
  public Class<UnpricedUsage> recordType() {
    return UnpricedUsage.class;
  }

  @Override
  public List<Object> payload(UnpricedUsage unpriced) {
    List<Object> row = new ArrayList<>(table().columns().size());
    EventColumns.append(row, unpriced.getEvent());
    row.add(unpriced.getReason().name());
    row.add(unpriced.getReasonMessage());
    row.add(unpriced.getFirstSeen());
    row.add(unpriced.getLastAttemptAt());
    return row;
  }
}
