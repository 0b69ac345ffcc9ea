package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.UnpricedUsage;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;

/**
 * {@code UnpricedUsage} to {@code tokenmeter_unpriced_usage}, with the event's status from the
 * record's headers (see {@link UnpricedStatus}).
 */
public final class UnpricedUsageRows implements RowMapper<UnpricedUsage> {

  @Override
  public SinkTable table() {
    return SinkTable.UNPRICED_USAGE;
  }

  @Override
  public Class<UnpricedUsage> recordType() {
    return UnpricedUsage.class;
  }

  /** A record without headers: still waiting, as records of processors before the header were. */
  @Override
  public List<Object> payload(UnpricedUsage unpriced) {
    return payload(unpriced, UnpricedStatus.WAITING);
  }

  @Override
  public List<Object> payload(UnpricedUsage unpriced, Headers headers) {
    return payload(unpriced, UnpricedStatus.from(headers));
  }

  private List<Object> payload(UnpricedUsage unpriced, UnpricedStatus status) {
    List<Object> row = new ArrayList<>(table().columns().size());
    EventColumns.append(row, unpriced.getEvent());
    row.add(unpriced.getReason().name());
    row.add(unpriced.getReasonMessage());
    row.add(unpriced.getFirstSeen());
    row.add(unpriced.getLastAttemptAt());
    row.add(status.status());
    // The processor stamps the resolving record's last_attempt_at with the time it priced it.
    row.add(status.resolved() ? unpriced.getLastAttemptAt() : null);
    row.add(status.priceVersionId());
    return row;
  }
}
