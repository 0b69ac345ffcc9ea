package io.tokenmeter.processor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindKeyValueStoreTest {
  private static final String STORE = "totals";

  private KeyValueStore<String, String> inner;
  private WriteBehindKeyValueStore<String> store;

  @BeforeEach
  void createStore() {
    inner =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store = new WriteBehindKeyValueStore<>(inner, new StringSerializer(), 2);
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
  }

  private static <T> T onOtherThread(java.util.function.Supplier<T> read) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    Thread reader = new Thread(() -> result.set(read.get()));
    reader.start();
    reader.join();
    return result.get();
  }

  @Test
  void shouldKeepWritesInMemoryUntilTheCommitFlushesThem() throws Exception {
    store.put("a", "1");
    store.put("a", "2");

    assertThat(store.get("a")).as("the writer reads its own write").isEqualTo("2");
    assertThat(inner.get("a")).as("not in the real store before the commit").isNull();

    store.flushCache();

    assertThat(inner.get("a")).isEqualTo("2");
    assertThat(store.get("a")).isEqualTo("2");
  }

  @Test
  void shouldDropWritesNotYetCommittedWhenTheCacheIsCleared() {
    store.put("a", "1");
    store.flushCache();
    store.put("a", "2");
    store.put("b", "9");

    store.clearCache();

    assertThat(store.get("a")).isEqualTo("1");
    assertThat(store.get("b")).isNull();
    store.flushCache();
    assertThat(inner.get("b")).isNull();
  }

  @Test
  void shouldShowOtherThreadsOnlyCommittedValues() throws Exception {
    store.put("a", "1");
    store.flushCache();
    store.put("a", "2");

    assertThat(onOtherThread(() -> store.get("a"))).isEqualTo("1");
    assertThat(onOtherThread(() -> count(store.all()))).isEqualTo(1);
    assertThat(inner.get("a")).as("a reader on another thread wrote nothing").isEqualTo("1");
  }

  @Test
  void shouldIncludeTheWritersPendingValuesInScans() {
    store.put("a", "1");
    store.put("b", "2");
    store.put("c", "3");

    List<KeyValue<String, String>> scanned = new ArrayList<>();
    try (KeyValueIterator<String, String> range = store.range("a", "b")) {
      range.forEachRemaining(scanned::add);
    }

    assertThat(scanned).containsExactly(KeyValue.pair("a", "1"), KeyValue.pair("b", "2"));
  }

  @Test
  void shouldHandOnOnlyThePendingValuesAScanCovers() {
    store.put("a", "1");
    store.put("b", "2");
    store.put("x1", "3");

    count(store.range("a", "b"));

    assertThat(inner.get("a")).isEqualTo("1");
    assertThat(inner.get("b")).isEqualTo("2");
    assertThat(inner.get("x1")).as("outside the range: still pending").isNull();

    List<KeyValue<String, String>> prefixed = new ArrayList<>();
    try (KeyValueIterator<String, String> scan = store.prefixScan("x", new StringSerializer())) {
      scan.forEachRemaining(prefixed::add);
    }
    assertThat(prefixed).containsExactly(KeyValue.pair("x1", "3"));
    assertThat(inner.get("x1")).isEqualTo("3");
  }

  @Test
  void shouldDeleteFromBothTheWritesAndTheStore() {
    store.put("a", "1");
    store.flushCache();
    store.put("a", "2");

    assertThat(store.delete("a")).isEqualTo("2");

    store.flushCache();
    assertThat(store.get("a")).isNull();
    assertThat(inner.get("a")).isNull();
  }

  @Test
  void shouldHandOnPendingWritesBeyondTheLimitBeforeTheCommit() {
    for (int i = 0; i <= WriteBehindKeyValueStore.MAX_PENDING_WRITES; i++) {
      store.put("k" + i, "v" + i);
    }

    assertThat(inner.get("k0")).isEqualTo("v0");
    assertThat(inner.approximateNumEntries())
        .isEqualTo(WriteBehindKeyValueStore.MAX_PENDING_WRITES + 1L);
  }

  @Test
  void shouldRejectAWriteFromASecondThread() throws Exception {
    store.put("a", "1");

    Throwable failure =
        onOtherThread(
            () -> {
              try {
                store.put("a", "2");
                return null;
              } catch (IllegalStateException e) {
                return e;
              }
            });

    assertThat(failure).hasMessageContaining("one writing thread");
    assertThat(store.get("a")).isEqualTo("1");
  }

  @Test
  void shouldServeKeysBeyondTheCleanEntriesFromTheStore() {
    for (int i = 0; i < 5; i++) {
      store.put("k" + i, "v" + i);
    }
    store.flushCache();

    for (int i = 0; i < 5; i++) {
      assertThat(store.get("k" + i)).isEqualTo("v" + i);
    }
  }

  private static int count(KeyValueIterator<String, String> iterator) {
    try (iterator) {
      int n = 0;
      while (iterator.hasNext()) {
        iterator.next();
        n++;
      }
      return n;
    }
  }

  /** Counts records per key into the store: one put per record. */
  private static final class Counter implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> counts;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      counts = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      String current = counts.get(record.key());
      counts.put(record.key(), String.valueOf(current == null ? 1 : Integer.parseInt(current) + 1));
    }
  }

  /**
   * The guarantee the class rests on: Kafka Streams hands the writes on while it prepares each
   * commit (the test driver commits after every input record), so they reach the changelog in the
   * transaction of the input that caused them.
   */
  @Test
  void shouldReachTheChangelogAtEveryCommitOfARealTask(@TempDir Path stateDir) {
    Topology topology = new Topology();
    topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "input");
    topology.addProcessor("count", Counter::new, "in");
    topology.addStateStore(
        WriteBehindStoreBuilder.persistent(STORE, Serdes.String(), Serdes.String()), "count");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-behind");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
      TestInputTopic<String, String> input =
          driver.createInputTopic("input", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> changelog =
          driver.createOutputTopic(
              "write-behind-" + STORE + "-changelog",
              new StringDeserializer(),
              new StringDeserializer());

      input.pipeInput("acme", "x");
      input.pipeInput("acme", "x");
      input.pipeInput("globex", "x");

      assertThat(changelog.readKeyValuesToList())
          .containsExactly(
              KeyValue.pair("acme", "1"), KeyValue.pair("acme", "2"), KeyValue.pair("globex", "1"));
      KeyValueStore<String, String> queried = driver.getKeyValueStore(STORE);
      assertThat(queried.get("acme")).isEqualTo("2");
    }
  }
}
