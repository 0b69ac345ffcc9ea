package io.tokenmeter.processor.state;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store that keeps the values its processor writes as objects and hands them to the
 * real store (serialized, written to RocksDB and the changelog) once per commit instead of once per
 * write. The aggregate processors update 12 totals per event, mostly the same keys again and again;
 * Kafka's record cache already collapsed the RocksDB and changelog writes, but every put still
 * serialized the value and went through the cache's bookkeeping, a quarter of the processor's CPU.
 *
 * <p>Exactly-once: Kafka Streams calls {@link #flushCache()} on every registered store while it
 * prepares a commit, before the producer commits the transaction with the input offsets, exactly as
 * it flushes its own record cache (this class implements the same {@code CachedStateStore}
 * interface; it is internal to Kafka Streams, so a Kafka upgrade must keep {@code
 * WriteBehindKeyValueStoreTest} and the crash-recovery test green). Writes not yet handed on are
 * dropped when the store is closed without a commit or its cache is cleared, as an aborted
 * transaction requires.
 *
 * <p>Writes must come from {@code process} or a punctuation, never from a processor's {@code
 * init()}: the changelog record written at the commit takes the timestamp of the record being
 * processed, and a task that has processed nothing since {@code init()} has none (neither aggregate
 * processor writes in {@code init()}).
 *
 * <p>Threads: the processor's stream thread writes. Interactive queries (the spend API) read from
 * other threads and see the real store only, so they may lag the processor by one commit interval;
 * they never touch the unsynchronised maps here.
 */
public final class WriteBehindKeyValueStore<V>
    implements KeyValueStore<String, V>, CachedStateStore<String, V> {
  /**
   * Pending writes beyond this are handed on before the commit, as Kafka's record cache evicts when
   * full (safe under exactly-once: they join the open transaction). Bounds memory when the commit
   * interval is long (at_least_once commits every 30 s) and many keys change.
   */
  static final int MAX_PENDING_WRITES = 10_000;

  private final KeyValueStore<String, V> inner;
  private final Serializer<String> keySerializer;
  private final int cleanEntries;

  /** Written since the last commit, not yet in {@link #inner}. */
  private Map<String, V> dirty = new HashMap<>();

  /** Recently read or committed values, so a hot key is not deserialized again. */
  private Map<String, V> clean;

  /** The one thread that writes (set by the first write); only it may see {@link #dirty}. */
  private Thread writer;

  /**
   * @param keySerializer the inner store's, to tell which pending keys a range or prefix scan of
   *     the serialized keys covers
   */
  WriteBehindKeyValueStore(
      KeyValueStore<String, V> inner, Serializer<String> keySerializer, int cleanEntries) {
    this.inner = inner;
    this.keySerializer = keySerializer;
    this.cleanEntries = cleanEntries;
    this.clean = newCleanMap();
  }

  private Map<String, V> newCleanMap() {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > cleanEntries;
      }
    };
  }

  private boolean isWriter() {
    return Thread.currentThread() == writer;
  }

  @Override
  public void put(String key, V value) {
    claimWriter();
    if (value == null) {
      delete(key);
      return;
    }
    clean.remove(key);
    dirty.put(key, value);
    if (dirty.size() > MAX_PENDING_WRITES) {
      writeDirty();
    }
  }

  private void claimWriter() {
    Thread current = Thread.currentThread();
    if (writer == null) {
      writer = current;
    } else if (writer != current) {
      throw new IllegalStateException(
          "Store "
              + name()
              + " is written by "
              + writer
              + " and now by "
              + current
              + "; a"
              + " write-behind store has one writing thread (its stream thread)");
    }
  }

  @Override
  public V putIfAbsent(String key, V value) {
    V current = get(key);
    if (current == null) {
      put(key, value);
    }
    return current;
  }

  @Override
  public void putAll(List<KeyValue<String, V>> entries) {
    entries.forEach(entry -> put(entry.key, entry.value));
  }

  @Override
  public V delete(String key) {
    claimWriter();
    V previous = dirty.remove(key);
    clean.remove(key);
    V stored = inner.delete(key);
    return previous != null ? previous : stored;
  }

  @Override
  public V get(String key) {
    if (!isWriter()) {
      return inner.get(key);
    }
    V value = dirty.get(key);
    if (value == null) {
      value = clean.get(key);
    }
    if (value == null) {
      value = inner.get(key);
      if (value != null) {
        clean.put(key, value);
      }
    }
    return value;
  }

  @Override
  public KeyValueIterator<String, V> range(String from, String to) {
    writeDirtyWithin(bytes(from), bytes(to));
    return inner.range(from, to);
  }

  @Override
  public KeyValueIterator<String, V> reverseRange(String from, String to) {
    writeDirtyWithin(bytes(from), bytes(to));
    return inner.reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<String, V> all() {
    writeDirtyWithin(null, null);
    return inner.all();
  }

  @Override
  public KeyValueIterator<String, V> reverseAll() {
    writeDirtyWithin(null, null);
    return inner.reverseAll();
  }

  @Override
  public <P extends Serializer<Q>, Q> KeyValueIterator<String, V> prefixScan(
      Q prefix, P prefixKeySerializer) {
    byte[] wanted = prefixKeySerializer.serialize(null, prefix);
    writeDirtyMatching(key -> startsWith(key, wanted));
    return inner.prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    return inner.approximateNumEntries();
  }

  /**
   * Scans read the real store, so the writer's own pending values inside the scanned range go there
   * first ({@code null} = unbounded; both ends inclusive, compared as serialized keys, as RocksDB
   * orders them). Pending values outside it stay pending: a scan of closed windows must not cost a
   * serialization of every open one.
   */
  private void writeDirtyWithin(byte[] from, byte[] to) {
    writeDirtyMatching(
        key ->
            (from == null || Arrays.compareUnsigned(key, from) >= 0)
                && (to == null || Arrays.compareUnsigned(key, to) <= 0));
  }

  private void writeDirtyMatching(Predicate<byte[]> inScan) {
    if (!isWriter() || dirty.isEmpty()) {
      return;
    }
    Iterator<Map.Entry<String, V>> pending = dirty.entrySet().iterator();
    while (pending.hasNext()) {
      Map.Entry<String, V> entry = pending.next();
      if (inScan.test(keySerializer.serialize(null, entry.getKey()))) {
        inner.put(entry.getKey(), entry.getValue());
        clean.put(entry.getKey(), entry.getValue());
        pending.remove();
      }
    }
  }

  private byte[] bytes(String key) {
    return key == null ? null : keySerializer.serialize(null, key);
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  private void writeDirty() {
    if (dirty.isEmpty()) {
      return;
    }
    Map<String, V> written = dirty;
    dirty = new HashMap<>();
    written.forEach(
        (key, value) -> {
          inner.put(key, value);
          clean.put(key, value);
        });
  }

  @Override
  public void flushCache() {
    writeDirty();
    if (inner instanceof CachedStateStore<?, ?> cached) {
      cached.flushCache();
    }
  }

  @Override
  public void clearCache() {
    discard();
    if (inner instanceof CachedStateStore<?, ?> cached) {
      cached.clearCache();
    }
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
    return false;
  }

  /** Forgets what was not handed on, and the writing thread: a re-initialised task may move. */
  private void discard() {
    dirty = new HashMap<>();
    clean = newCleanMap();
    writer = null;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    discard();
    inner.init(context, root);
  }

  @Override
  public void flush() {
    writeDirty();
    inner.flush();
  }

  /**
   * Called after the transaction committed (to record changelog offsets): pending writes must not
   * be handed on here, they would land outside it. {@link #flushCache()} already did, before.
   */
  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    inner.commit(changelogOffsets);
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return inner.committedOffset(partition);
  }

  @Override
  public boolean managesOffsets() {
    return inner.managesOffsets();
  }

  @Override
  public void close() {
    discard();
    inner.close();
  }

  @Override
  public boolean persistent() {
    return inner.persistent();
  }

  @Override
  public boolean isOpen() {
    return inner.isOpen();
  }

  @Override
  public Position getPosition() {
    return inner.getPosition();
  }

  @Override
  public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
    return inner.query(query, bound, config);
  }
}
