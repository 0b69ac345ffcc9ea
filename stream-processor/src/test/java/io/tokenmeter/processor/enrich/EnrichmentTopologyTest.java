package io.tokenmeter.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.DriverFixture;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.processor.testing.UsageTopics;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedReason;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  private UsageTopics topics;

  @BeforeEach
  void setUp() {
    fixture =
        new DriverFixture(stateDir, Map.of(ProcessorSettings.UNPRICED_RETRY_INTERVAL, "PT5S"));
    topics = new UsageTopics(fixture);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private static UsageEvent event(String id, String tenant, String time) {
    return TestEvents.event(id, tenant, Instant.parse(time)).setModel("gpt-4o").build();
  }

  @Test
  void shouldPriceEachEventWithThePriceInForceAtItsEventTime() {
    topics.publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    topics.publish(
        TestPrices.price("gpt-4o", "standard", null, FEB, TestPrices.rates("2", "10").build())
            .build());

    topics.send(event("jan", "tenant-a", "2026-01-20T10:00:00Z"));
    topics.send(event("feb", "tenant-a", "2026-02-20T10:00:00Z"));

    List<PricedUsage> out = topics.priced.readValuesToList();
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
    assertThat(topics.unpriced.isEmpty()).isTrue();
  }

  @Test
  void shouldPreferTheTenantsNegotiatedPrice() {
    topics.publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    topics.publish(
        TestPrices.price("gpt-4o", "standard", "tenant-a", JAN, TestPrices.rates("1", "5").build())
            .build());

    topics.send(event("a", "tenant-a", "2026-01-20T10:00:00Z"));
    topics.send(event("b", "tenant-b", "2026-01-20T10:00:00Z"));

    List<PricedUsage> out = topics.priced.readValuesToList();
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
    topics.publish(tiered);
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
    topics.send(below);
    topics.send(above);

    List<PricedUsage> out = topics.priced.readValuesToList();
    assertThat(out.get(0).getLongContextThresholdTokens()).isNull();
    assertThat(out.get(0).getTotalCost()).isEqualTo(TestEvents.money("0.615"));
    assertThat(out.get(1).getLongContextThresholdTokens()).isEqualTo(200_000L);
    assertThat(out.get(1).getTotalCost()).isEqualTo(TestEvents.money("1.222506"));
  }

  @Test
  void shouldPriceCacheReadsAtTheirOwnRateAndBatchAtTheBatchPrice() {
    topics.publish(
        TestPrices.price(
                "gpt-4o",
                "standard",
                null,
                JAN,
                TestPrices.rates("2.5", "10")
                    .setCacheReadPerToken(TestPrices.perToken("1.25"))
                    .build())
            .build());
    topics.publish(
        TestPrices.price("gpt-4o", "batch", null, JAN, TestPrices.rates("1.25", "5").build())
            .build());
    UsageEvent cached =
        TestEvents.event("cached", "t", Instant.parse("2026-01-20T10:00:00Z"))
            .setModel("gpt-4o")
            .setUsage(TestEvents.usage(1000, 100).setCacheReadTokens(400).build())
            .build();
    topics.send(cached);
    topics.send(
        UsageEvent.newBuilder(cached)
            .setEventId("batch")
            .setServiceTier("batch")
            .setUsage(TestEvents.usage(1000, 100).build())
            .build());

    List<PricedUsage> out = topics.priced.readValuesToList();
    // 600 x 2.5/M + 400 x 1.25/M + 100 x 10/M
    assertThat(out.get(0).getCost().getCacheRead()).isEqualTo(TestEvents.money("0.0005"));
    assertThat(out.get(0).getTotalCost()).isEqualTo(TestEvents.money("0.003"));
    assertThat(out.get(1).getServiceTier()).isEqualTo("batch");
    assertThat(out.get(1).getTotalCost()).isEqualTo(TestEvents.money("0.00175"));
  }

  @Test
  void shouldParkAnUnknownModelAndPriceItWhenItsPriceArrives() {
    topics.send(event("early", "tenant-a", "2026-01-20T10:00:00Z"));
    List<UnpricedUsage> waiting = topics.unpriced.readValuesToList();
    assertThat(waiting).hasSize(1);
    assertThat(waiting.get(0).getReason()).isEqualTo(UnpricedReason.NO_MATCHING_MODEL);
    assertThat(waiting.get(0).getFirstSeen()).isEqualTo(DriverFixture.NOW);
    assertThat(topics.priced.isEmpty()).isTrue();
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));
    assertThat(topics.priced.isEmpty()).as("no new price, nothing to emit").isTrue();

    topics.publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));

    List<PricedUsage> late = topics.priced.readValuesToList();
    assertThat(late).hasSize(1);
    assertThat(late.get(0).getEvent().getEventId()).isEqualTo("early");
    assertThat(late.get(0).getTotalCost()).isEqualTo(TestEvents.money("0.0045"));
    assertThat(late.get(0).getUnpricedSince()).isEqualTo(DriverFixture.NOW);
    KeyValueStore<String, UnpricedUsage> parking =
        fixture.driver().getKeyValueStore(StoreNames.UNPRICED_PARKING);
    assertThat(parking.approximateNumEntries()).isZero();
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));
    assertThat(topics.priced.isEmpty()).as("priced exactly once").isTrue();
  }

  @Test
  void shouldStopUsingAPriceWithdrawnByATombstone() {
    ModelPrice price =
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build();
    topics.publish(price);
    topics.send(event("before", "t", "2026-01-20T10:00:00Z"));
    topics.withdraw(price);
    topics.send(event("after", "t", "2026-01-20T10:00:01Z"));

    assertThat(topics.priced.readValuesToList())
        .extracting(p -> p.getEvent().getEventId())
        .containsExactly("before");
    assertThat(topics.unpriced.readValuesToList())
        .extracting(u -> u.getEvent().getEventId(), UnpricedUsage::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("after", UnpricedReason.NO_MATCHING_MODEL));
  }

  @Test
  void shouldNotParkIncompleteUsage() {
    topics.publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    UsageEvent partial =
        UsageEvent.newBuilder(event("partial", "t", "2026-01-20T10:00:00Z"))
            .setUsageComplete(false)
            .build();
    topics.send(partial);

    assertThat(topics.unpriced.readValuesToList())
        .extracting(UnpricedUsage::getReason)
        .containsExactly(UnpricedReason.USAGE_INCOMPLETE);
    assertThat(topics.priced.isEmpty()).isTrue();
    KeyValueStore<String, UnpricedUsage> parking =
        fixture.driver().getKeyValueStore(StoreNames.UNPRICED_PARKING);
    assertThat(parking.get("partial")).isNull();
  }

  @Test
  void shouldAggregateWhatItPriced() {
    topics.publish(
        TestPrices.price("gpt-4o", "standard", null, JAN, TestPrices.rates("3", "15").build())
            .build());
    topics.send(event("one", "tenant-a", "2026-01-20T10:00:00Z"));
    topics.send(event("two", "tenant-a", "2026-01-20T10:30:00Z"));

    List<WindowedAggregate> hour =
        topics.aggregateUpdates().stream()
            .filter(a -> a.getDimension() == AggregateDimension.TENANT)
            .filter(a -> a.getWindowSize() == WindowSize.HOUR)
            .toList();
    WindowedAggregate last = hour.get(hour.size() - 1);
    assertThat(last.getEventCount()).isEqualTo(2);
    assertThat(last.getTotalCost()).isEqualTo(TestEvents.money("0.009"));
    assertThat(last.getWindowStart()).isEqualTo(Instant.parse("2026-01-20T10:00:00Z"));
  }
}
