package io.tokenmeter.sink.row;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What the headers of an unpriced-topic record say about its event: still waiting for a price, or
 * priced since (resolved) and by which price version. The header names and values are the stream
 * processor's ({@code io.tokenmeter.processor.enrich.UnpricedHeaders}); they are repeated here
 * because the sink does not depend on the processor module.
 *
 * @param status {@link #UNPRICED} or {@link #RESOLVED}
 * @param priceVersionId the price version that priced a resolved event; null when unpriced or when
 *     the record did not say
 */
public record UnpricedStatus(String status, String priceVersionId) {

  /** Header carrying {@link #UNPRICED} or {@link #RESOLVED}. */
  public static final String STATUS_HEADER = "tokenmeter.unpriced.status";

  /** Header of a resolved record: the price version that priced the event. */
  public static final String PRICE_VERSION_HEADER = "tokenmeter.price-version-id";

  public static final String UNPRICED = "UNPRICED";
  public static final String RESOLVED = "RESOLVED";

  /** A record without a status header: written by a processor older than the header. */
  public static final UnpricedStatus WAITING = new UnpricedStatus(UNPRICED, null);

  /**
   * The status the headers carry; {@link #WAITING} when there is no status header.
   *
   * @throws RowMappingException for a status other than {@link #UNPRICED} and {@link #RESOLVED}
   *     (the record is dead-lettered with its bytes rather than stored under a status no query
   *     knows)
   */
  public static UnpricedStatus from(Headers headers) {
    String status = lastValue(headers, STATUS_HEADER);
    if (status == null || status.equals(UNPRICED)) {
      return WAITING;
    }
    if (status.equals(RESOLVED)) {
      return new UnpricedStatus(RESOLVED, lastValue(headers, PRICE_VERSION_HEADER));
    }
    throw new RowMappingException(
        "header "
            + STATUS_HEADER
            + " is '"
            + status
            + "' but the sink knows only "
            + UNPRICED
            + " and "
            + RESOLVED
            + "; upgrade the sink to the processor's version");
  }

  public boolean resolved() {
    return status.equals(RESOLVED);
  }

  private static String lastValue(Headers headers, String name) {
    Header header = headers == null ? null : headers.lastHeader(name);
    if (header == null || header.value() == null) {
      return null;
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
