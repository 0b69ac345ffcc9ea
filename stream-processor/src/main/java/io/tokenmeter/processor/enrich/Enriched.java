package io.tokenmeter.processor.enrich;

import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedUsage;

/** The outcome for one usage record after pricing: priced, unpriced, or a dead letter. */
public sealed interface Enriched {
  record Priced(PricedUsage priced) implements Enriched {}

  record Unpriced(UnpricedUsage unpriced) implements Enriched {}

  record Failed(DeadLetter deadLetter) implements Enriched {}
}
