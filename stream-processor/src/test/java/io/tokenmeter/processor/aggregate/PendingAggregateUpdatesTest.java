package io.tokenmeter.processor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.aggregate.codec.StoredTotalsSerde;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Updates that were committed to the store but not yet emitted when the processor stopped (a crash
 * between a commit and the next update interval) are emitted by the next processor on that store.
 */
class PendingAggregateUpdatesTest {
  private static final Instant EVENT_TIME = Instant.parse("2026-03-01T10:00:10Z");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  private KeyValueStore<String, StoredTotals> store;

  @BeforeEach
  void createStore() {
    store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.AGGREGATE_WINDOWS),
                Serdes.String(),
                new StoredTotalsSerde(
                    (topic, bytes) -> {
                      throw new AssertionError("no legacy values in this test");
                    }))
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
  }

  private MockProcessorContext<String, WindowedAggregate> startProcessor() {
    processor =
        new WindowedSpendProcessor(
            Duration.ofMinutes(1), Duration.ofDays(1), true, INTERVAL, CLOCK);
    return initProcessor();
  }

  /** (Re)initialises the current processor object on the current store, as a revive does. */
  private MockProcessorContext<String, WindowedAggregate> initProcessor() {
    MockProcessorContext<String, WindowedAggregate> context = new MockProcessorContext<>();
    context.addStateStore(store);
    context.setCurrentStreamTimeMs(EVENT_TIME.toEpochMilli());
    processor.init(context);
    return context;
  }

  private static void runCloseCheck(
      MockProcessorContext<String, WindowedAggregate> context, Instant streamTime) {
    context.setCurrentStreamTimeMs(streamTime.toEpochMilli());
    for (CapturedPunctuator punctuator : context.scheduledPunctuators()) {
      if (punctuator.getType() == PunctuationType.STREAM_TIME) {
        punctuator.getPunctuator().punctuate(streamTime.toEpochMilli());
      }
    }
  }

  private WindowedSpendProcessor processor;

  private void process(String eventId, String inputCost) {
    PricedUsage priced =
        TestEvents.priced(TestEvents.event(eventId, "acme", EVENT_TIME).build(), inputCost, "0");
    processor.process(new Record<>("acme", priced, EVENT_TIME.toEpochMilli()));
  }

  private static void runUpdateInterval(MockProcessorContext<String, WindowedAggregate> context) {
    for (CapturedPunctuator punctuator : context.scheduledPunctuators()) {
      if (punctuator.getType() == PunctuationType.WALL_CLOCK_TIME) {
        punctuator.getPunctuator().punctuate(CLOCK.millis());
      }
    }
  }

  private static List<WindowedAggregate> tenantMinute(
      MockProcessorContext<String, WindowedAggregate> context) {
    return context.forwarded().stream()
        .<WindowedAggregate>map(forwarded -> forwarded.record().value())
        .filter(a -> a.getDimension() == AggregateDimension.TENANT)
        .filter(a -> a.getWindowSize() == WindowSize.MINUTE)
        .toList();
  }

  @Test
  void shouldEmitUpdatesLeftPendingByAStoppedProcessor() {
    MockProcessorContext<String, WindowedAggregate> first = startProcessor();
    process("e1", "1");
    process("e2", "2");
    assertThat(first.forwarded()).as("stopped before its update interval").isEmpty();

    MockProcessorContext<String, WindowedAggregate> second = startProcessor();
    runUpdateInterval(second);

    List<WindowedAggregate> minute = tenantMinute(second);
    assertThat(minute).hasSize(1);
    assertThat(minute.get(0).getEventCount()).isEqualTo(2);
    assertThat(minute.get(0).getTotalCost()).isEqualTo(TestEvents.money("3"));
    assertThat(second.forwarded()).as("9 keys: 3 windows x 3 dimensions").hasSize(9);
  }

  @Test
  void shouldNotEmitAnUpdateAgainAfterARestart() {
    MockProcessorContext<String, WindowedAggregate> first = startProcessor();
    process("e1", "1");
    runUpdateInterval(first);
    assertThat(first.forwarded()).hasSize(9);

    MockProcessorContext<String, WindowedAggregate> second = startProcessor();
    runUpdateInterval(second);

    assertThat(second.forwarded()).isEmpty();
    process("e2", "2");
    runUpdateInterval(second);
    assertThat(tenantMinute(second))
        .extracting(WindowedAggregate::getEventCount)
        .containsExactly(2L);
  }

  /**
   * A revived task reuses its processor objects after its state was wiped and restored: windows it
   * finalized in the aborted transaction are open again and must be finalized again.
   */
  @Test
  void shouldFinalizeAgainAfterARevivedTaskRestoredAnOpenWindow() {
    MockProcessorContext<String, WindowedAggregate> first = startProcessor();
    process("e1", "1");
    runCloseCheck(first, Instant.parse("2026-03-01T10:05:00Z"));
    assertThat(tenantMinute(first)).extracting(WindowedAggregate::getIsFinal).containsExactly(true);
    WindowedSpendProcessor revived = processor;
    createStore();
    startProcessor();
    process("e1", "1");
    processor = revived;

    MockProcessorContext<String, WindowedAggregate> afterRevive = initProcessor();
    runCloseCheck(afterRevive, Instant.parse("2026-03-01T10:05:00Z"));

    List<WindowedAggregate> minute = tenantMinute(afterRevive);
    assertThat(minute).extracting(WindowedAggregate::getIsFinal).containsExactly(true);
    assertThat(minute.get(0).getEventCount()).isEqualTo(1);
  }
}
