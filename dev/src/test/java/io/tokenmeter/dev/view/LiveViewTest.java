package io.tokenmeter.dev.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveViewTest {

  private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");
  private static final ViewSnapshot SNAPSHOT =
      new ViewSnapshot(
          AT,
          List.of(
              new TenantSpend("acme", 40, new BigDecimal("1.234567890123")),
              new TenantSpend("globex", 12, new BigDecimal("0.000049999999"))),
          12.5,
          60,
          List.of(
              new AlertLine(
                  Instant.parse("2026-11-22T10:15:01Z"),
                  "acme-daily",
                  "acme",
                  "THRESHOLD",
                  100,
                  new BigDecimal("0.512000000000"),
                  new BigDecimal("0.500000000000"))));

  @Test
  void shouldRedrawTheScreenWithTenantsRateAndAlertsOnATerminal() {
    String screen = new LiveView(true).render(SNAPSHOT);

    assertThat(screen).startsWith(LiveView.CLEAR_SCREEN);
    assertThat(screen)
        .contains("10:15:30 UTC")
        .contains("12.5 events/s")
        .contains("52 priced today")
        .contains("demo published 60")
        .contains(String.format("%-20s %10d %16s%n", "acme", 40, "$1.2346"))
        .contains(String.format("%-20s %10d %16s%n", "globex", 12, "$0.0000"))
        .contains("10:15:01 acme-daily (acme) THRESHOLD 100%: $0.5120 of $0.5000");
  }

  @Test
  void shouldWriteOnePlainLinePerRefreshWhenNotATerminal() {
    String line = new LiveView(false).render(SNAPSHOT);

    assertThat(line)
        .isEqualTo(
            "10:15:30 12.5 events/s, 52 priced today, acme $1.2346, globex $0.0000;"
                + " latest alert: 10:15:01 acme-daily (acme) THRESHOLD 100%: $0.5120 of $0.5000\n");
    assertThat(line).doesNotContain("\u001b[");
  }

  @Test
  void shouldSayWhenNothingArrivedYetAndOmitDemoCountWithoutDemo() {
    String screen = new LiveView(true).render(new ViewSnapshot(AT, List.of(), 0, -1, List.of()));

    assertThat(screen)
        .contains("(no priced events today yet)")
        .contains("(none yet)")
        .doesNotContain("demo published");
  }

  @Test
  void shouldShowAForecastAlertWithoutThreshold() {
    AlertLine forecast =
        new AlertLine(AT, "b", "t", "FORECAST", null, BigDecimal.ONE, BigDecimal.TEN);

    assertThat(LiveView.alertText(forecast))
        .isEqualTo("10:15:30 b (t) FORECAST: $1.0000 of $10.0000");
  }
}
