package io.tokenmeter.processor.state;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a persistent, changelogged key-value store wrapped in a {@link WriteBehindKeyValueStore}.
 * The wrapper is the store's write cache, so Kafka's record cache is always off underneath ({@link
 * #withCachingEnabled()} changes nothing).
 */
public final class WriteBehindStoreBuilder<V> implements StoreBuilder<KeyValueStore<String, V>> {
  /**
   * Decoded values kept per store and task besides the ones written since the last commit. Each
   * open window of each tenant (x model, x workflow) is one entry of about 2-3 KB, so about 10 MB
   * at most; keys beyond it are read from RocksDB and decoded again.
   */
  public static final int DEFAULT_CLEAN_ENTRIES = 4_096;

  private final StoreBuilder<KeyValueStore<String, V>> inner;
  private final Serde<String> keys;

  private WriteBehindStoreBuilder(
      StoreBuilder<KeyValueStore<String, V>> inner, Serde<String> keys) {
    this.inner = inner.withCachingDisabled();
    this.keys = keys;
  }

  /** A RocksDB store named {@code name} with string keys and {@code values}, logged by default. */
  public static <V> WriteBehindStoreBuilder<V> persistent(
      String name, Serde<String> keys, Serde<V> values) {
    return new WriteBehindStoreBuilder<>(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values), keys);
  }

  @Override
  public KeyValueStore<String, V> build() {
    return new WriteBehindKeyValueStore<>(inner.build(), keys.serializer(), DEFAULT_CLEAN_ENTRIES);
  }

  @Override
  public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
    return this;
  }

  @Override
  public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
    inner.withLoggingEnabled(config);
    return this;
  }

  @Override
  public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
    inner.withLoggingDisabled();
    return this;
  }

  @Override
  public Map<String, String> logConfig() {
    return inner.logConfig();
  }

  @Override
  public boolean loggingEnabled() {
    return inner.loggingEnabled();
  }

  @Override
  public String name() {
    return inner.name();
  }
}
