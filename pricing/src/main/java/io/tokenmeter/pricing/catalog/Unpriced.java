package io.tokenmeter.pricing.catalog;

import io.tokenmeter.schema.v1.UnpricedReason;

/** No cost for an event: the Avro reason and a message naming what was missing. */
public record Unpriced(UnpricedReason reason, String message)
    implements Resolution, PricingOutcome {}
