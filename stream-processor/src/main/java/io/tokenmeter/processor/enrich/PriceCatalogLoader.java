package io.tokenmeter.processor.enrich;

import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.ModelPrice;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global prices store and the in-memory {@link LiveCatalog} in step with the compacted
 * prices topic. A global store is restored from the topic without calling {@link #process}, so
 * {@link #init} loads whatever the restore put in the store.
 */
public final class PriceCatalogLoader implements Processor<String, ModelPrice, Void, Void> {
  private static final Logger LOGGER = LoggerFactory.getLogger(PriceCatalogLoader.class);

  private final LiveCatalog catalog;
  private KeyValueStore<String, ModelPrice> store;

  public PriceCatalogLoader(LiveCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.PRICES);
    try (KeyValueIterator<String, ModelPrice> all = store.all()) {
      all.forEachRemaining(entry -> apply(entry.key, entry.value));
    }
    LOGGER.info("Price catalog loaded with {} versions", catalog.size());
  }

  @Override
  public void process(Record<String, ModelPrice> record) {
    if (record.key() == null) {
      LOGGER.warn("Ignoring a price record without a key (the key is price_version_id)");
      return;
    }
    if (record.value() == null || record.value().getDeleted()) {
      store.delete(record.key());
      catalog.remove(record.key());
      return;
    }
    if (apply(record.key(), record.value())) {
      store.put(record.key(), record.value());
    }
  }

  private boolean apply(String key, ModelPrice price) {
    try {
      catalog.upsert(price);
      return true;
    } catch (IllegalArgumentException e) {
      // One bad price must not stop the global thread, which would stop pricing everything.
      LOGGER.warn("Ignoring invalid price version {}: {}", key, e.getMessage());
      return false;
    }
  }
}
