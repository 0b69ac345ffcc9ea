package io.tokenmeter.dev.view;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refreshes the live view on a fixed interval until closed. */
public final class LiveViewLoop implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(LiveViewLoop.class);
  static final int ALERTS_SHOWN = 8;

  private final SpendQueries queries;
  private final LiveView view;
  private final PrintStream out;
  private final Clock clock;
  private final LongSupplier published;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("tokenmeter-dev-view").daemon().unstarted(r));
  private final RateWindow rate = new RateWindow(Duration.ofSeconds(10));

  /**
   * @param published demo events acknowledged so far, or a supplier of -1 without demo
   */
  public LiveViewLoop(
      SpendQueries queries, LiveView view, PrintStream out, Clock clock, LongSupplier published) {
    this.queries = queries;
    this.view = view;
    this.out = out;
    this.clock = clock;
    this.published = published;
  }

  public LiveViewLoop start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void refresh() {
    try {
      Instant now = clock.instant();
      List<TenantSpend> tenants = queries.spendToday(now);
      List<AlertLine> alerts = queries.latestAlerts(ALERTS_SHOWN);
      long total = tenants.stream().mapToLong(TenantSpend::events).sum();
      double perSecond = rate.add(now, total);
      out.print(
          view.render(new ViewSnapshot(now, tenants, perSecond, published.getAsLong(), alerts)));
      out.flush();
    } catch (Exception e) {
      // A refresh that fails (ClickHouse busy, tables not created yet) is retried next time.
      LOGGER.warn("Live view refresh failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
