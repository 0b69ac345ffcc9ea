package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.WindowedAggregate;

/**
 * A value of the aggregate stores: the running totals and the highest revision of them already
 * emitted on the aggregates topic. Keeping the emitted revision in the store (not only in memory)
 * makes "this update still has to be emitted" part of the same transaction as the totals, so an
 * update is neither lost nor emitted twice when the processor dies between a commit and the next
 * emission.
 *
 * <p>The totals are mutable: the aggregate processors add to them in place and put them back. Their
 * write-behind stores keep the live object until the next commit serializes it; after that the
 * serialized bytes are what counts, so a later change to the object is only kept by the put that
 * follows it.
 */
public record StoredTotals(WindowedAggregate totals, long emittedRevision) {

  /** Totals whose current revision has already been emitted (or never needs to be). */
  public static StoredTotals emitted(WindowedAggregate totals) {
    return new StoredTotals(totals, totals.getRevision());
  }

  public boolean hasUnemittedUpdate() {
    return totals.getRevision() > emittedRevision;
  }
}
