package io.tokenmeter.dev.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders a {@link ViewSnapshot} as text. On a terminal the screen is redrawn in place with plain
 * ANSI escapes; otherwise (a pipe, a log file) each refresh is one compact line, so logs stay
 * readable.
 */
public final class LiveView {

  static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
  static final String BOLD = "\u001b[1m";
  static final String RED = "\u001b[31m";
  static final String RESET = "\u001b[0m";
  static final int SPEND_DECIMALS = 4;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final boolean ansi;

  public LiveView(boolean ansi) {
    this.ansi = ansi;
  }

  public String render(ViewSnapshot snapshot) {
    return ansi ? screen(snapshot) : line(snapshot);
  }

  private String screen(ViewSnapshot s) {
    StringBuilder out = new StringBuilder(CLEAR_SCREEN);
    out.append(BOLD)
        .append("tokenmeter dev")
        .append(RESET)
        .append("  ")
        .append(TIME.format(s.takenAt()))
        .append(" UTC   ")
        .append(String.format(Locale.ROOT, "%.1f events/s", s.eventsPerSecond()))
        .append("   ")
        .append(s.totalEvents())
        .append(" priced today");
    if (s.published() >= 0) {
      out.append("   demo published ").append(s.published());
    }
    out.append("\n\n")
        .append(BOLD)
        .append(String.format(Locale.ROOT, "%-20s %10s %16s%n", "tenant", "events", "spend today"))
        .append(RESET);
    for (TenantSpend tenant : s.tenants()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-20s %10d %16s%n",
              tenant.tenantId(),
              tenant.events(),
              usd(tenant.spendUsd())));
    }
    if (s.tenants().isEmpty()) {
      out.append("(no priced events today yet)\n");
    }
    out.append('\n').append(BOLD).append("budget alerts").append(RESET).append('\n');
    for (AlertLine alert : s.alerts()) {
      out.append(RED).append(alertText(alert)).append(RESET).append('\n');
    }
    if (s.alerts().isEmpty()) {
      out.append("(none yet)\n");
    }
    return out.append("\nCtrl-C stops everything; data stays in the data directory.\n").toString();
  }

  private String line(ViewSnapshot s) {
    StringBuilder out =
        new StringBuilder(TIME.format(s.takenAt()))
            .append(
                String.format(
                    Locale.ROOT,
                    " %.1f events/s, %d priced today",
                    s.eventsPerSecond(),
                    s.totalEvents()));
    for (TenantSpend tenant : s.tenants()) {
      out.append(", ").append(tenant.tenantId()).append(' ').append(usd(tenant.spendUsd()));
    }
    if (!s.alerts().isEmpty()) {
      out.append("; latest alert: ").append(alertText(s.alerts().getFirst()));
    }
    return out.append('\n').toString();
  }

  static String alertText(AlertLine alert) {
    String what =
        alert.thresholdPercent() == null
            ? alert.kind()
            : alert.kind() + " " + alert.thresholdPercent() + "%";
    return TIME.format(alert.alertedAt())
        + " "
        + alert.budgetId()
        + " ("
        + alert.tenantId()
        + ") "
        + what
        + ": "
        + usd(alert.spendUsd())
        + " of "
        + usd(alert.limitUsd());
  }

  /** Display only: the stored figures keep all 12 decimals. */
  static String usd(BigDecimal amount) {
    return "$" + amount.setScale(SPEND_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
  }
}
