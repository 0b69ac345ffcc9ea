package io.tokenmeter.processor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpendTest {
  private static final Instant TIME = Instant.parse("2026-03-01T10:00:10Z");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static PricedUsage priced(String id, long inputTokens, String inputCost) {
    return TestEvents.priced(
        TestEvents.event(id, "acme", TIME)
            .setUsage(TestEvents.usage(inputTokens, 5).build())
            .build(),
        inputCost,
        "0.5");
  }

  private static WindowedAggregate empty() {
    return Spend.empty(
        AggregateKey.of(
            AggregateDimension.TENANT,
            AggregateWindow.HOUR,
            AggregateWindow.HOUR.startOf(TIME.toEpochMilli()),
            priced("e0", 1, "0")));
  }

  @Test
  void shouldAddEventsInPlaceAsNextRevisions() {
    WindowedAggregate totals = empty();

    Spend.addTo(totals, priced("e1", 100, "1.25"), false, NOW);
    Spend.addTo(totals, priced("e2", 50, "0.000000000001"), false, NOW);

    assertThat(totals.getRevision()).isEqualTo(2);
    assertThat(totals.getEventCount()).isEqualTo(2);
    assertThat(totals.getTokens().getInputTokens()).isEqualTo(150);
    assertThat(totals.getTokens().getOutputTokens()).isEqualTo(10);
    assertThat(totals.getCost().getUncachedInput()).isEqualTo(TestEvents.money("1.250000000001"));
    assertThat(totals.getTotalCost()).isEqualTo(TestEvents.money("2.250000000001"));
    assertThat(totals.getUpdatedAt()).isEqualTo(NOW);
  }

  @Test
  void shouldLeaveTheTotalsUnchangedWhenAnAddFails() {
    WindowedAggregate totals = empty();
    Spend.addTo(totals, priced("e1", Long.MAX_VALUE - 10, "1"), false, NOW);
    String before = totals.toString();

    assertThatThrownBy(() -> Spend.addTo(totals, priced("e2", 11, "2"), false, NOW.plusSeconds(1)))
        .isInstanceOf(ArithmeticException.class);

    assertThat(totals.toString()).isEqualTo(before);
  }
}
