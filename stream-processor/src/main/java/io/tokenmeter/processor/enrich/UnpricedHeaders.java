package io.tokenmeter.processor.enrich;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers on every record of the unpriced topic, saying whether the event is still waiting for a
 * price. When a parked event is priced later, the processor writes its priced record AND a last
 * record on the unpriced topic with {@link #RESOLVED}, so a consumer of the unpriced topic alone
 * learns that the event is no longer unpriced. The value schema is unchanged (the record carries
 * the event as parked, {@code last_attempt_at} = when it was priced); a consumer that ignores
 * headers sees one more attempt of the same event, which is what the ClickHouse sink's
 * ReplacingMergeTree(last_attempt_at) table already expects.
 */
public final class UnpricedHeaders {
  /** {@link #UNPRICED} or {@link #RESOLVED}. */
  public static final String STATUS = "tokenmeter.unpriced.status";

  /** On a {@link #RESOLVED} record: the price version that priced the event. */
  public static final String PRICE_VERSION_ID = "tokenmeter.price-version-id";

  public static final String UNPRICED = "UNPRICED";
  public static final String RESOLVED = "RESOLVED";

  private UnpricedHeaders() {}

  /** Headers of a record for an event that could not be priced (yet). */
  public static Headers unpriced() {
    return new RecordHeaders().add(STATUS, UNPRICED.getBytes(StandardCharsets.UTF_8));
  }

  /** Headers of the record saying a parked event was priced with {@code priceVersionId}. */
  public static Headers resolved(String priceVersionId) {
    return new RecordHeaders()
        .add(STATUS, RESOLVED.getBytes(StandardCharsets.UTF_8))
        .add(PRICE_VERSION_ID, priceVersionId.getBytes(StandardCharsets.UTF_8));
  }
}
