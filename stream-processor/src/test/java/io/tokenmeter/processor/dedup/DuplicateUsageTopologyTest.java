package io.tokenmeter.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.testing.DriverFixture;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.testing.TestPrices;
import io.tokenmeter.processor.testing.UsageTopics;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateUsageTopologyTest {
  @TempDir Path stateDir;
  private DriverFixture fixture;
  private UsageTopics topics;

  @BeforeEach
  void setUp() {
    fixture = new DriverFixture(stateDir, Map.of(ProcessorSettings.DEDUP_RETENTION, "PT10M"));
    topics = new UsageTopics(fixture);
    topics.publish(TestPrices.gpt4o());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private static UsageEvent event(String id, String tenant, String time) {
    return TestEvents.event(id, tenant, Instant.parse(time)).setModel("gpt-4o").build();
  }

  private List<String> pricedIds() {
    return topics.priced.readValuesToList().stream()
        .map(PricedUsage::getEvent)
        .map(UsageEvent::getEventId)
        .toList();
  }

  @Test
  void shouldPriceAndCountAnEventPublishedTwiceOnce() {
    UsageEvent event = event("retried", "tenant-a", "2026-01-20T10:00:00Z");
    topics.send(event);
    topics.send(event);
    topics.send(event("next", "tenant-a", "2026-01-20T10:00:05Z"));

    assertThat(pricedIds()).containsExactly("retried", "next");
    List<WindowedAggregate> minute =
        topics.aggregateUpdates().stream()
            .filter(a -> a.getWindowSize() == WindowSize.MINUTE)
            .filter(a -> a.getDimension() == AggregateDimension.TENANT)
            .toList();
    assertThat(minute.get(minute.size() - 1).getEventCount()).isEqualTo(2);
    assertThat(minute.get(minute.size() - 1).getTotalCost()).isEqualTo(TestEvents.money("0.009"));
    assertThat(topics.metric("duplicate-events-dropped-total")).isEqualTo(1.0);
  }

  @Test
  void shouldKeepDroppingDuplicatesAfterAnEventDatedFarInTheFuture() {
    // DriverFixture's clock is 2026-03-01T12:00Z; a producer bug sends an event dated years ahead.
    topics.send(event("from-the-future", "tenant-a", "2099-01-01T00:00:00Z"));
    UsageEvent event = event("retried", "tenant-a", "2026-03-01T11:59:00Z");
    topics.send(event);
    topics.send(event);

    assertThat(pricedIds()).containsExactly("from-the-future", "retried");
    assertThat(topics.metric("duplicate-events-dropped-total")).isEqualTo(1.0);
    assertThat(topics.metric("duplicate-check-skipped-total")).isEqualTo(1.0);
  }

  @Test
  void shouldKeepTheSameEventIdOfTwoTenantsApart() {
    topics.send(event("same-id", "tenant-a", "2026-01-20T10:00:00Z"));
    topics.send(event("same-id", "tenant-b", "2026-01-20T10:00:00Z"));

    assertThat(topics.priced.readValuesToList())
        .extracting(p -> p.getEvent().getTenantId())
        .containsExactly("tenant-a", "tenant-b");
  }

  @Test
  void shouldDropAResendThatArrivesAfterNewerEventsWithinTheRetention() {
    UsageEvent event = event("resent", "tenant-a", "2026-01-20T10:00:00Z");
    topics.send(event);
    topics.send(event("later", "tenant-a", "2026-01-20T10:09:00Z"));
    topics.send(event);

    assertThat(pricedIds()).containsExactly("resent", "later");
  }

  @Test
  void shouldForgetAnEventOnceStreamTimeIsPastTheRetention() {
    UsageEvent event = event("old", "tenant-a", "2026-01-20T10:00:00Z");
    topics.send(event);
    // Stream time moves 30 minutes on: the 10-minute retention no longer holds "old".
    topics.send(event("much-later", "tenant-a", "2026-01-20T10:30:00Z"));
    topics.send(event);

    assertThat(pricedIds()).containsExactly("old", "much-later", "old");
    assertThat(topics.metric("duplicate-check-skipped-total")).isEqualTo(1.0);
    assertThat(topics.metric("duplicate-events-dropped-total")).isEqualTo(0.0);
  }

  @Test
  void shouldTreatTheSameEventIdAtAnotherEventTimeAsAnotherEvent() {
    // A retry resends the same event, event_time included; a different time is a different call.
    topics.send(event("reused-id", "tenant-a", "2026-01-20T10:00:00Z"));
    topics.send(event("reused-id", "tenant-a", "2026-01-20T10:00:01Z"));

    assertThat(pricedIds()).containsExactly("reused-id", "reused-id");
  }

  @Test
  void shouldParkAnUnpricedEventPublishedTwiceOnce() {
    UsageEvent unknown =
        UsageEvent.newBuilder(event("unknown-model", "tenant-a", "2026-01-20T10:00:00Z"))
            .setModel("no-such-model")
            .build();
    topics.send(unknown);
    topics.send(unknown);

    assertThat(topics.unpriced.readValuesToList()).hasSize(1);
    assertThat(topics.priced.isEmpty()).isTrue();
  }
}
