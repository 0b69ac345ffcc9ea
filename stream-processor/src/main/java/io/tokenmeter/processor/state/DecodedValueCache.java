package io.tokenmeter.processor.state;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A bounded, least-recently-used map of the decoded values a processor last wrote to or read from
 * its own store, so reading a hot value (window totals, budget spend) back does not decode it again
 * (the store keeps bytes, and decoding was about a sixth of the processor's CPU per event). Writes
 * go to both; the store stays the truth and gets every write. Only correct for a store that this
 * processor alone writes, and it must be created anew in {@code init()}: Kafka Streams calls {@code
 * init()} again after it restores or wipes the store (a rebalance, an aborted transaction), so no
 * stale value survives.
 */
public final class DecodedValueCache<V> {
  /**
   * Per processor and task. Each open window of each tenant (x model, x workflow) is one entry, a
   * decoded aggregate of about 2-3 KB, so this is about 10 MB at most; keys beyond it are still
   * served by the store's record cache, only decoded again.
   */
  public static final int DEFAULT_ENTRIES = 4_096;

  private final KeyValueStore<String, V> store;
  private final Map<String, V> recent;

  public DecodedValueCache(KeyValueStore<String, V> store, int maxEntries) {
    this.store = store;
    this.recent =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > maxEntries;
          }
        };
  }

  public V get(String key) {
    V value = recent.get(key);
    if (value == null) {
      value = store.get(key);
      if (value != null) {
        recent.put(key, value);
      }
    }
    return value;
  }

  public void put(String key, V value) {
    store.put(key, value);
    recent.put(key, value);
  }

  public void delete(String key) {
    store.delete(key);
    recent.remove(key);
  }
}
