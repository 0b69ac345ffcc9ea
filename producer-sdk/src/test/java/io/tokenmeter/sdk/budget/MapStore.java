package io.tokenmeter.sdk.budget;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A sorted in-memory stand-in for a Kafka Streams store, for the processor's API handler. */
final class MapStore<V> implements ReadOnlyKeyValueStore<String, V> {
  final NavigableMap<String, V> entries = new ConcurrentSkipListMap<>();

  @Override
  public V get(String key) {
    return entries.get(key);
  }

  @Override
  public KeyValueIterator<String, V> range(String from, String to) {
    return iterate(entries.subMap(from, true, to, true));
  }

  @Override
  public KeyValueIterator<String, V> all() {
    return iterate(entries);
  }

  @Override
  public <S extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(
      P prefix, S prefixKeySerializer) {
    String start = prefix.toString();
    return iterate(entries.subMap(start, true, start + Character.MAX_VALUE, false));
  }

  @Override
  public long approximateNumEntries() {
    return entries.size();
  }

  private static <V> KeyValueIterator<String, V> iterate(Map<String, V> view) {
    Iterator<Map.Entry<String, V>> iterator = view.entrySet().iterator();
    return new KeyValueIterator<>() {
      private Map.Entry<String, V> peeked;

      @Override
      public boolean hasNext() {
        return peeked != null || iterator.hasNext();
      }

      @Override
      public KeyValue<String, V> next() {
        Map.Entry<String, V> entry = peeked != null ? peeked : iterator.next();
        peeked = null;
        return KeyValue.pair(entry.getKey(), entry.getValue());
      }

      @Override
      public String peekNextKey() {
        if (peeked == null) {
          peeked = iterator.next();
        }
        return peeked.getKey();
      }

      @Override
      public void close() {}
    };
  }
}
