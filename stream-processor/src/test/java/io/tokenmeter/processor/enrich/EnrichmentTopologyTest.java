package io.tokenmeter.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.DriverFixture;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedReason;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import io.tokenmeter.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentTopologyTest {
  private static final String JAN = "2026-01-01T00:00:00Z";
  private static final String FEB = "2026-02-01T00:00:00Z";

  @TempDir Path stateDir;
  private DriverFixture fixture;
  private TestInputTopic<byte[], byte[]> usage;
  private TestInputTopic<String, ModelPrice> prices;
  private TestOutputTopic<String, PricedUsage> priced;
  private TestOutputTopic<String, UnpricedUsage> unpriced;
  private TestOutputTopic<String, WindowedAggregate> aggregates;
  private AvroSerde<UsageEvent> usageSerde;

  @BeforeEach
  void setUp() {
    fixture =
        new DriverFixture(stateDir, Map.of(ProcessorSettings.UNPRICED_RETRY_INTERVAL, "PT5S"));
    var driver = fixture.driver();
    usageSerde = serde(UsageEvent.class);
    usage =
        driver.createInputTopic(Topics.USAGE, new ByteArraySerializer(), new ByteArraySerializer());
    prices =
        driver.createInputTopic(
            Topics.PRICES, new StringSerializer(), serde(ModelPrice.class).serializer());
    priced =
        driver.createOutputTopic(
            Topics.PRICED_USAGE, new StringDeserializer(), serde(PricedUsage.class).deserializer());
    unpriced =
        driver.createOutputTopic(
            Topics.UNPRICED_USAGE,
            new StringDeserializer(),
            serde(UnpricedUsage.class).deserializer());
    aggregates =
        driver.createOutputTopic(
            Topics.AGGREGATES,
            new StringDeserializer(),
            serde(WindowedAggregate.class).deserializer());
  }

  private <T extends org.apache.avro.specific.SpecificRecord> AvroSerde<T> serde(Class<T> type) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(fixture.serdeConfig(), false);
    return serde;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private void publish(ModelPrice price) {
    prices.pipeInput(price.getPriceVersionId(), price);
  }

  /**
   * Sends with the Kafka timestamp a producer would set (the event time): the driver runs every
   * sub-topology in one task, so usage timestamps move the aggregation's stream time too.
   */
  private void send(UsageEvent event) {
    usage.pipeInput(
        event.getTenantId().getBytes(StandardCharsets.UTF_8),
        usageSerde.serializer().serialize(Topics.USAGE, event),
        event.getEventTime());
  }

  private static UsageEvent event(String id, String tenant, String time) {
    return TestEvents.event(id, tenant, Instant.parse(time)).setModel("gpt-4o").build();
  }

  @Test
  void shouldPriceEachEventWithThePriceInForceAtItsEventTime() {
    publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    publish(
        TestPrices.price("gpt-4o", "standard", null, FEB, TestPrices.rates("2", "10").build())
            .build());

    send(event("jan", "tenant-a", "2026-01-20T10:00:00Z"));
    send(event("feb", "tenant-a", "2026-02-20T10:00:00Z"));

    List<PricedUsage> out = priced.readValuesToList();
    assertThat(out).extracting(p -> p.getEvent().getEventId()).containsExactly("jan", "feb");
    // 1000 input x $3/M + 100 output x $15/M, then 1000 x $2/M + 100 x $10/M
    assertThat(out.get(0).getTotalCost()).isEqualTo(TestEvents.money("0.0045"));
    assertThat(out.get(0).getPriceVersionId()).endsWith(JAN);
    assertThat(out.get(1).getTotalCost()).isEqualTo(TestEvents.money("0.003"));
    assertThat(out.get(1).getPriceVersionId()).endsWith(FEB);
    assertThat(out.get(1).getInputCost()).isEqualTo(TestEvents.money("0.002"));
    assertThat(out.get(1).getOutputCost()).isEqualTo(TestEvents.money("0.001"));
    assertThat(out.get(1).getMatchedModel()).isEqualTo("gpt-4o");
    assertThat(out.get(1).getPricedAt()).isEqualTo(DriverFixture.NOW);
    assertThat(out.get(1).getUnpricedSince()).isNull();
    assertThat(unpriced.isEmpty()).isTrue();
  }

  @Test
  void shouldPreferTheTenantsNegotiatedPrice() {
    publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    publish(
        TestPrices.price("gpt-4o", "standard", "tenant-a", JAN, TestPrices.rates("1", "5").build())
            .build());

    send(event("a", "tenant-a", "2026-01-20T10:00:00Z"));
    send(event("b", "tenant-b", "2026-01-20T10:00:00Z"));

    List<PricedUsage> out = priced.readValuesToList();
    assertThat(out.get(0).getPriceTenantId()).isEqualTo("tenant-a");
    assertThat(out.get(0).getTotalCost()).isEqualTo(TestEvents.money("0.0015"));
    assertThat(out.get(1).getPriceTenantId()).isNull();
    assertThat(out.get(1).getTotalCost()).isEqualTo(TestEvents.money("0.0045"));
  }

  @Test
  void shouldBillTheWholeRequestAtTheLongContextTierOnceCrossed() {
    var tiered =
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .setLongContextTiers(
                List.of(TestPrices.tier(200_000, TestPrices.rates("6", "22.5").build())))
            .build();
    publish(tiered);
    UsageEvent below =
        TestEvents.event("below", "t", Instant.parse("2026-01-20T10:00:00Z"))
            .setModel("gpt-4o")
            .setUsage(TestEvents.usage(200_000, 1000).build())
            .build();
    UsageEvent above =
        UsageEvent.newBuilder(below)
            .setEventId("above")
            .setUsage(TestEvents.usage(200_001, 1000).build())
            .build();
    send(below);
    send(above);

    List<PricedUsage> out = priced.readValuesToList();
    assertThat(out.get(0).getLongContextThresholdTokens()).isNull();
    assertThat(out.get(0).getTotalCost()).isEqualTo(TestEvents.money("0.615"));
    assertThat(out.get(1).getLongContextThresholdTokens()).isEqualTo(200_000L);
    assertThat(out.get(1).getTotalCost()).isEqualTo(TestEvents.money("1.222506"));
  }

  @Test
  void shouldPriceCacheReadsAtTheirOwnRateAndBatchAtTheBatchPrice() {
    publish(
        TestPrices.price(
                "gpt-4o",
                "standard",
                null,
                JAN,
                TestPrices.rates("2.5", "10")
                    .setCacheReadPerToken(TestPrices.perToken("1.25"))
                    .build())
            .build());
    publish(
        TestPrices.price("gpt-4o", "batch", null, JAN, TestPrices.rates("1.25", "5").build())
            .build());
    UsageEvent cached =
        TestEvents.event("cached", "t", Instant.parse("2026-01-20T10:00:00Z"))
            .setModel("gpt-4o")
            .setUsage(TestEvents.usage(1000, 100).setCacheReadTokens(400).build())
            .build();
    send(cached);
    send(
        UsageEvent.newBuilder(cached)
            .setEventId("batch")
            .setServiceTier("batch")
            .setUsage(TestEvents.usage(1000, 100).build())
            .build());

    List<PricedUsage> out = priced.readValuesToList();
    // 600 x 2.5/M + 400 x 1.25/M + 100 x 10/M
    assertThat(out.get(0).getCost().getCacheRead()).isEqualTo(TestEvents.money("0.0005"));
    assertThat(out.get(0).getTotalCost()).isEqualTo(TestEvents.money("0.003"));
    assertThat(out.get(1).getServiceTier()).isEqualTo("batch");
    assertThat(out.get(1).getTotalCost()).isEqualTo(TestEvents.money("0.00175"));
  }

  @Test
  void shouldParkAnUnknownModelAndPriceItWhenItsPriceArrives() {
    send(event("early", "tenant-a", "2026-01-20T10:00:00Z"));
    List<UnpricedUsage> waiting = unpriced.readValuesToList();
    assertThat(waiting).hasSize(1);
    assertThat(waiting.get(0).getReason()).isEqualTo(UnpricedReason.NO_MATCHING_MODEL);
    assertThat(waiting.get(0).getFirstSeen()).isEqualTo(DriverFixture.NOW);
    assertThat(priced.isEmpty()).isTrue();
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));
    assertThat(priced.isEmpty()).as("no new price, nothing to emit").isTrue();

    publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));

    List<PricedUsage> late = priced.readValuesToList();
    assertThat(late).hasSize(1);
    assertThat(late.get(0).getEvent().getEventId()).isEqualTo("early");
    assertThat(late.get(0).getTotalCost()).isEqualTo(TestEvents.money("0.0045"));
    assertThat(late.get(0).getUnpricedSince()).isEqualTo(DriverFixture.NOW);
    KeyValueStore<String, UnpricedUsage> parking =
        fixture.driver().getKeyValueStore(StoreNames.UNPRICED_PARKING);
    assertThat(parking.approximateNumEntries()).isZero();
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));
    assertThat(priced.isEmpty()).as("priced exactly once").isTrue();
  }

  @Test
  void shouldStopUsingAPriceWithdrawnByATombstone() {
    ModelPrice price =
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build();
    publish(price);
    send(event("before", "t", "2026-01-20T10:00:00Z"));
    prices.pipeInput(price.getPriceVersionId(), null);
    send(event("after", "t", "2026-01-20T10:00:01Z"));

    assertThat(priced.readValuesToList())
        .extracting(p -> p.getEvent().getEventId())
        .containsExactly("before");
    assertThat(unpriced.readValuesToList())
        .extracting(u -> u.getEvent().getEventId(), UnpricedUsage::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("after", UnpricedReason.NO_MATCHING_MODEL));
  }

  @Test
  void shouldNotParkIncompleteUsage() {
    publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    UsageEvent partial =
        UsageEvent.newBuilder(event("partial", "t", "2026-01-20T10:00:00Z"))
            .setUsageComplete(false)
            .build();
    send(partial);

    assertThat(unpriced.readValuesToList())
        .extracting(UnpricedUsage::getReason)
        .containsExactly(UnpricedReason.USAGE_INCOMPLETE);
    assertThat(priced.isEmpty()).isTrue();
    KeyValueStore<String, UnpricedUsage> parking =
        fixture.driver().getKeyValueStore(StoreNames.UNPRICED_PARKING);
    assertThat(parking.get("partial")).isNull();
  }

  @Test
  void shouldAggregateWhatItPriced() {
    publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    send(event("one", "tenant-a", "2026-01-20T10:00:00Z"));
    send(event("two", "tenant-a", "2026-01-20T10:30:00Z"));

    List<WindowedAggregate> hour =
        aggregates.readValuesToList().stream()
            .filter(a -> a.getDimension() == AggregateDimension.TENANT)
            .filter(a -> a.getWindowSize() == WindowSize.HOUR)
            .toList();
    WindowedAggregate last = hour.get(hour.size() - 1);
    assertThat(last.getEventCount()).isEqualTo(2);
    assertThat(last.getTotalCost()).isEqualTo(TestEvents.money("0.009"));
    assertThat(last.getWindowStart()).isEqualTo(Instant.parse("2026-01-20T10:00:00Z"));
  }
}
