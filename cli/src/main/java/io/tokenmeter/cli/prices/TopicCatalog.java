package io.tokenmeter.cli.prices;

import io.tokenmeter.cli.common.TopicAccess;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.schema.v1.ModelPrice;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a catalog from what the prices topic holds, the way the processor does: versions marked
 * deleted are withdrawn, and a version that breaks the contract is skipped with a warning instead
 * of hiding every other price.
 */
public final class TopicCatalog {

  private static final Logger LOGGER = LoggerFactory.getLogger(TopicCatalog.class);

  private TopicCatalog() {}

  /** Reads the prices topic to its end and builds the catalog from what it holds now. */
  public static PriceCatalog read(TopicAccess topics, String topic) {
    return of(topics.readLatest(topic, ModelPrice.class).values());
  }

  static PriceCatalog of(Collection<ModelPrice> records) {
    PriceCatalog catalog = new PriceCatalog();
    for (ModelPrice record : records) {
      try {
        catalog.upsert(record);
      } catch (IllegalArgumentException | NullPointerException e) {
        LOGGER.warn(
            "skipping invalid price version {}: {}", record.getPriceVersionId(), e.getMessage());
      }
    }
    return catalog;
  }
}
