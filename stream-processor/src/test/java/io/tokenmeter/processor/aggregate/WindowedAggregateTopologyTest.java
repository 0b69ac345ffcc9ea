package io.tokenmeter.processor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.DriverFixture;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import io.tokenmeter.serde.AvroSerde;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowedAggregateTopologyTest {
  @TempDir Path stateDir;
  private DriverFixture fixture;
  private TestInputTopic<String, PricedUsage> priced;
  private TestOutputTopic<String, WindowedAggregate> aggregates;
  private final List<KeyValue<String, WindowedAggregate>> seen = new ArrayList<>();
  private int nextId;

  private void start(Map<String, String> overrides) {
    fixture = new DriverFixture(stateDir, overrides);
    AvroSerde<PricedUsage> pricedSerde = AvroSerde.specific(PricedUsage.class);
    pricedSerde.configure(fixture.serdeConfig(), false);
    AvroSerde<WindowedAggregate> aggregateSerde = AvroSerde.specific(WindowedAggregate.class);
    aggregateSerde.configure(fixture.serdeConfig(), false);
    priced =
        fixture
            .driver()
            .createInputTopic(
                Topics.PRICED_USAGE, new StringSerializer(), pricedSerde.serializer());
    aggregates =
        fixture
            .driver()
            .createOutputTopic(
                Topics.AGGREGATES, new StringDeserializer(), aggregateSerde.deserializer());
  }

  private void startWithGraceOneMinute() {
    start(Map.of(ProcessorSettings.AGGREGATE_GRACE, "PT1M"));
  }

  @AfterEach
  void tearDown() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** Pipes a priced event with the given costs; the Kafka timestamp is deliberately wrong. */
  private void send(String tenant, String time, String inputCost, String outputCost) {
    var event = TestEvents.event("evt-" + nextId++, tenant, Instant.parse(time)).build();
    priced.pipeInput(tenant, TestEvents.priced(event, inputCost, outputCost), Instant.EPOCH);
  }

  private List<WindowedAggregate> drain(
      AggregateDimension dimension, WindowSize size, String windowStart) {
    // Updates leave once per update interval of wall-clock time.
    fixture.driver().advanceWallClockTime(ProcessorSettings.DEFAULT_AGGREGATE_UPDATE_INTERVAL);
    seen.addAll(aggregates.readKeyValuesToList());
    return seen.stream()
        .map(kv -> kv.value)
        .filter(a -> a.getDimension() == dimension && a.getWindowSize() == size)
        .filter(a -> a.getWindowStart().equals(Instant.parse(windowStart)))
        .toList();
  }

  private WindowedAggregate latest(AggregateDimension dimension, WindowSize size, String start) {
    List<WindowedAggregate> records = drain(dimension, size, start);
    assertThat(records).as("records for %s %s %s", dimension, size, start).isNotEmpty();
    return records.get(records.size() - 1);
  }

  private double metric(String name) {
    return fixture.driver().metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(name + "-total"))
        .map(Map.Entry::getValue)
        .mapToDouble(m -> ((Number) ((Metric) m).metricValue()).doubleValue())
        .sum();
  }

  @Test
  void shouldSplitMinuteWindowsAtTheBoundaryButShareTheHour() {
    startWithGraceOneMinute();
    send("tenant-a", "2026-03-01T10:00:59.999Z", "0.001", "0.002");
    send("tenant-a", "2026-03-01T10:01:00Z", "0.010", "0.020");

    WindowedAggregate first =
        latest(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z");
    assertThat(first.getEventCount()).isEqualTo(1);
    assertThat(first.getWindowEnd()).isEqualTo(Instant.parse("2026-03-01T10:01:00Z"));
    assertThat(first.getTotalCost()).isEqualTo(TestEvents.money("0.003"));
    WindowedAggregate second =
        latest(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:01:00Z");
    assertThat(second.getEventCount()).isEqualTo(1);
    WindowedAggregate hour =
        latest(AggregateDimension.TENANT, WindowSize.HOUR, "2026-03-01T10:00:00Z");
    assertThat(hour.getEventCount()).isEqualTo(2);
    assertThat(hour.getRevision()).isEqualTo(2);
    assertThat(hour.getIsFinal()).isFalse();
    assertThat(hour.getTotalCost()).isEqualTo(TestEvents.money("0.033"));
    assertThat(hour.getCost().getUncachedInput()).isEqualTo(TestEvents.money("0.011"));
    assertThat(hour.getTokens().getInputTokens()).isEqualTo(2000);
    WindowedAggregate day =
        latest(AggregateDimension.TENANT_MODEL, WindowSize.DAY, "2026-03-01T00:00:00Z");
    assertThat(day.getModel()).isEqualTo("gpt-4o");
    assertThat(day.getProvider()).isEqualTo("openai");
    assertThat(day.getEventCount()).isEqualTo(2);
  }

  @Test
  void shouldEmitOneFinalValueOnceStreamTimePassesEndPlusGrace() {
    startWithGraceOneMinute();
    send("tenant-a", "2026-03-01T10:00:10Z", "0.5", "0.25");
    send("tenant-a", "2026-03-01T10:01:59Z", "1", "1");
    assertThat(drain(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z"))
        .noneMatch(WindowedAggregate::getIsFinal);

    send("tenant-a", "2026-03-01T10:02:30Z", "1", "1");
    send("tenant-a", "2026-03-01T10:02:45Z", "1", "1");

    List<WindowedAggregate> records =
        drain(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z");
    assertThat(records).filteredOn(WindowedAggregate::getIsFinal).hasSize(1);
    WindowedAggregate last = records.get(records.size() - 1);
    assertThat(last.getIsFinal()).isTrue();
    assertThat(last.getRevision()).isEqualTo(2);
    assertThat(last.getEventCount()).isEqualTo(1);
    assertThat(last.getTotalCost()).isEqualTo(TestEvents.money("0.75"));
  }

  @Test
  void shouldCountAnEventLateWithinGraceAsAnOrdinaryUpdate() {
    startWithGraceOneMinute();
    send("tenant-a", "2026-03-01T10:00:10Z", "1", "0");
    send("tenant-a", "2026-03-01T10:01:30Z", "1", "0");
    send("tenant-a", "2026-03-01T10:00:50Z", "2", "0");

    WindowedAggregate minute =
        latest(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z");
    assertThat(minute.getEventCount()).isEqualTo(2);
    assertThat(minute.getIsFinal()).isFalse();
    assertThat(minute.getTotalCost()).isEqualTo(TestEvents.money("3"));
    assertThat(metric(ProcessorMetrics.LATE_EVENTS_CORRECTED)).isZero();
  }

  @Test
  void shouldEmitACorrectionForAnEventLaterThanTheGrace() {
    startWithGraceOneMinute();
    send("tenant-a", "2026-03-01T10:00:10Z", "1", "0");
    send("tenant-a", "2026-03-01T10:03:00Z", "1", "0");
    WindowedAggregate closed =
        latest(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z");
    assertThat(closed.getIsFinal()).isTrue();

    send("tenant-a", "2026-03-01T10:00:20Z", "4", "0");

    WindowedAggregate correction =
        latest(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z");
    assertThat(correction.getIsFinal()).isTrue();
    assertThat(correction.getRevision()).isGreaterThan(closed.getRevision());
    assertThat(correction.getEventCount()).isEqualTo(2);
    assertThat(correction.getTotalCost()).isEqualTo(TestEvents.money("5"));
    assertThat(metric(ProcessorMetrics.LATE_EVENTS_CORRECTED)).isEqualTo(1.0);
    WindowedAggregate hour =
        latest(AggregateDimension.TENANT, WindowSize.HOUR, "2026-03-01T10:00:00Z");
    assertThat(hour.getEventCount()).isEqualTo(3);
    assertThat(hour.getIsFinal()).isFalse();
  }

  @Test
  void shouldCountEventsOlderThanTheCorrectionRetentionInAMetric() {
    start(
        Map.of(
            ProcessorSettings.AGGREGATE_GRACE, "PT1M",
            ProcessorSettings.AGGREGATE_CORRECTION_RETENTION, "PT1H"));
    send("tenant-a", "2026-03-01T10:00:10Z", "1", "0");
    send("tenant-a", "2026-03-01T12:00:00Z", "1", "0");
    int minuteRecordsBefore =
        drain(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z").size();

    send("tenant-a", "2026-03-01T10:00:30Z", "7", "0");

    assertThat(drain(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z"))
        .hasSize(minuteRecordsBefore);
    assertThat(metric(ProcessorMetrics.LATE_EVENTS_EXPIRED)).isEqualTo(1.0);
    WindowedAggregate hour =
        latest(AggregateDimension.TENANT, WindowSize.HOUR, "2026-03-01T10:00:00Z");
    assertThat(hour.getIsFinal()).isTrue();
    assertThat(hour.getEventCount()).isEqualTo(2);
    assertThat(hour.getTotalCost()).isEqualTo(TestEvents.money("8"));
    KeyValueStore<String, StoredTotals> store =
        fixture.driver().getKeyValueStore(StoreNames.AGGREGATE_WINDOWS);
    try (var all = store.all()) {
      all.forEachRemaining(
          entry ->
              assertThat(entry.value.totals().getWindowStart())
                  .as("minute window 10:00 was dropped from the store")
                  .satisfiesAnyOf(
                      start ->
                          assertThat(entry.value.totals().getWindowSize())
                              .isNotEqualTo(WindowSize.MINUTE),
                      start -> assertThat(start).isAfter(Instant.parse("2026-03-01T10:00:00Z"))));
    }
  }

  @Test
  void shouldKeepTenantsAndWorkflowsApart() {
    startWithGraceOneMinute();
    var withWorkflow =
        TestEvents.event("w1", "tenant-a", Instant.parse("2026-03-01T10:00:01Z"))
            .setWorkflowId("agent-7")
            .build();
    priced.pipeInput("tenant-a", TestEvents.priced(withWorkflow, "1", "0"));
    send("tenant-a", "2026-03-01T10:00:02Z", "2", "0");
    send("tenant-b", "2026-03-01T10:00:03Z", "4", "0");

    List<WindowedAggregate> workflows =
        drain(AggregateDimension.TENANT_WORKFLOW, WindowSize.HOUR, "2026-03-01T10:00:00Z");
    assertThat(workflows)
        .extracting(
            WindowedAggregate::getTenantId,
            WindowedAggregate::getWorkflowId,
            WindowedAggregate::getEventCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tenant-a", "agent-7", 1L),
            org.assertj.core.groups.Tuple.tuple("tenant-a", null, 1L),
            org.assertj.core.groups.Tuple.tuple("tenant-b", null, 1L));
    assertThat(
            latest(AggregateDimension.TENANT, WindowSize.HOUR, "2026-03-01T10:00:00Z")
                .getTenantId())
        .isEqualTo("tenant-b");
  }

  @Test
  void shouldEmitTheLatestTotalsOfAChangedWindowOncePerUpdateInterval() {
    startWithGraceOneMinute();
    send("tenant-a", "2026-03-01T10:00:10Z", "1", "0");
    send("tenant-a", "2026-03-01T10:00:20Z", "2", "0");
    send("tenant-a", "2026-03-01T10:00:30Z", "4", "0");
    assertThat(aggregates.isEmpty()).as("nothing before the interval passed").isTrue();

    List<WindowedAggregate> minute =
        drain(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z");

    assertThat(minute).hasSize(1);
    assertThat(minute.get(0).getEventCount()).isEqualTo(3);
    assertThat(minute.get(0).getTotalCost()).isEqualTo(TestEvents.money("7"));
    assertThat(minute.get(0).getRevision()).isEqualTo(3);
    assertThat(seen).as("one record per window and dimension key").hasSize(9);
    fixture.driver().advanceWallClockTime(ProcessorSettings.DEFAULT_AGGREGATE_UPDATE_INTERVAL);
    assertThat(aggregates.isEmpty()).as("an unchanged window is not emitted again").isTrue();

    send("tenant-a", "2026-03-01T10:00:40Z", "8", "0");
    WindowedAggregate next =
        latest(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z");
    assertThat(next.getEventCount()).isEqualTo(4);
    assertThat(next.getRevision()).isEqualTo(4);
  }

  @Test
  void shouldEmitAfterEveryEventWhenTheUpdateIntervalIsZero() {
    start(
        Map.of(
            ProcessorSettings.AGGREGATE_GRACE, "PT1M",
            ProcessorSettings.AGGREGATE_UPDATE_INTERVAL, "PT0S"));
    send("tenant-a", "2026-03-01T10:00:10Z", "1", "0");
    send("tenant-a", "2026-03-01T10:00:20Z", "2", "0");

    seen.addAll(aggregates.readKeyValuesToList());

    assertThat(seen).hasSize(18);
    assertThat(
            seen.stream()
                .map(kv -> kv.value)
                .filter(a -> a.getDimension() == AggregateDimension.TENANT)
                .filter(a -> a.getWindowSize() == WindowSize.MINUTE)
                .map(WindowedAggregate::getEventCount))
        .containsExactly(1L, 2L);
  }

  @Test
  void shouldEmitOnlyFinalValuesWhenUpdatesAreOff() {
    start(
        Map.of(
            ProcessorSettings.AGGREGATE_GRACE, "PT0S",
            ProcessorSettings.AGGREGATE_EMIT_UPDATES, "false"));
    send("tenant-a", "2026-03-01T10:00:10Z", "1", "0");
    send("tenant-a", "2026-03-01T10:00:20Z", "1", "0");
    assertThat(aggregates.isEmpty()).isTrue();

    send("tenant-a", "2026-03-01T10:01:10Z", "1", "0");

    List<WindowedAggregate> minute =
        drain(AggregateDimension.TENANT, WindowSize.MINUTE, "2026-03-01T10:00:00Z");
    assertThat(minute).hasSize(1);
    assertThat(minute.get(0).getIsFinal()).isTrue();
    assertThat(minute.get(0).getEventCount()).isEqualTo(2);
    assertThat(seen).allMatch(kv -> kv.value.getIsFinal());
  }
}
