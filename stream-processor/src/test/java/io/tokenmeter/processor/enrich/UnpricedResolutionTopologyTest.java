package io.tokenmeter.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.DriverFixture;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.processor.testing.UsageTopics;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedReason;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpricedResolutionTopologyTest {
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

  private static ModelPrice gpt4o() {
    return TestPrices.gpt4o();
  }

  private static UsageEvent event(String id) {
    return TestEvents.event(id, "tenant-a", Instant.parse("2026-01-20T10:00:00Z"))
        .setModel("gpt-4o")
        .build();
  }

  private static String header(TestRecord<String, UnpricedUsage> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldWriteAResolvedRecordOnTheUnpricedTopicWhenAParkedEventIsPriced() {
    topics.send(event("early"));
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));
    topics.publish(gpt4o());
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));

    List<TestRecord<String, UnpricedUsage>> records = topics.unpriced.readRecordsToList();
    assertThat(records).hasSize(2);
    TestRecord<String, UnpricedUsage> parked = records.get(0);
    assertThat(header(parked, UnpricedHeaders.STATUS)).isEqualTo(UnpricedHeaders.UNPRICED);
    assertThat(header(parked, UnpricedHeaders.PRICE_VERSION_ID)).isNull();
    TestRecord<String, UnpricedUsage> resolved = records.get(1);
    assertThat(resolved.key()).isEqualTo("tenant-a");
    assertThat(header(resolved, UnpricedHeaders.STATUS)).isEqualTo(UnpricedHeaders.RESOLVED);
    assertThat(resolved.value().getEvent()).isEqualTo(parked.value().getEvent());
    assertThat(resolved.value().getReason()).isEqualTo(UnpricedReason.NO_MATCHING_MODEL);
    assertThat(resolved.value().getFirstSeen()).isEqualTo(parked.value().getFirstSeen());
    PricedUsage priced = topics.priced.readValue();
    assertThat(priced.getEvent().getEventId()).isEqualTo("early");
    assertThat(header(resolved, UnpricedHeaders.PRICE_VERSION_ID))
        .isEqualTo(priced.getPriceVersionId())
        .isEqualTo(gpt4o().getPriceVersionId());
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));
    assertThat(topics.unpriced.isEmpty()).as("resolved exactly once").isTrue();
  }

  @Test
  void shouldNotWriteAResolvedRecordForAnEventPricedOnArrival() {
    topics.publish(gpt4o());
    topics.send(event("on-time"));
    fixture.driver().advanceWallClockTime(Duration.ofSeconds(6));

    assertThat(topics.priced.readValuesToList()).hasSize(1);
    assertThat(topics.unpriced.isEmpty()).isTrue();
  }

  @Test
  void shouldExportThePricingLatency() {
    assertThat(topics.metric("pricing-latency-avg")).isEqualTo(Double.NaN);
    topics.publish(gpt4o());
    topics.send(event("one"));
    topics.send(UsageEvent.newBuilder(event("two")).setModel("no-such-model").build());

    assertThat(topics.metric("pricing-total")).isEqualTo(2.0);
    double average = (Double) topics.metric("pricing-latency-avg");
    double max = (Double) topics.metric("pricing-latency-max");
    assertThat(average).isPositive();
    assertThat(max).isGreaterThanOrEqualTo(average);
  }
}
