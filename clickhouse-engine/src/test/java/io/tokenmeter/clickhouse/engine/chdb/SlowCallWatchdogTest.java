package io.tokenmeter.clickhouse.engine.chdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlowCallWatchdogTest {

  private static final Duration SHORT = Duration.ofMillis(50);

  private final List<SlowCallWatchdog.SlowCall> reports = new CopyOnWriteArrayList<>();
  private SlowCallWatchdog watchdog;

  @AfterEach
  void stop() {
    if (watchdog != null) {
      watchdog.close();
    }
  }

  @Test
  void shouldReportACallThatOutlivesTheThresholdAndAgainWhenItEnds() throws InterruptedException {
    watchdog = new SlowCallWatchdog(SHORT, Clock.systemUTC(), reports::add);

    SlowCallWatchdog.Watch watch = watchdog.watch("INSERT INTO usage\n  VALUES (1)");
    awaitTrue(() -> reports.size() >= 2);
    watch.close();

    SlowCallWatchdog.SlowCall first = reports.getFirst();
    assertThat(first.finished()).isFalse();
    assertThat(first.sql()).isEqualTo("INSERT INTO usage VALUES (1)");
    assertThat(first.threadName()).isEqualTo(Thread.currentThread().getName());
    assertThat(first.elapsed()).isGreaterThanOrEqualTo(SHORT);
    SlowCallWatchdog.SlowCall last = reports.getLast();
    assertThat(last.finished()).isTrue();
    assertThat(last.elapsed()).isGreaterThanOrEqualTo(reports.get(1).elapsed());
  }

  @Test
  void shouldStayQuietAboutACallThatEndsInTime() throws InterruptedException {
    // Generous: a loaded machine may stall this thread between watch() and close().
    watchdog = new SlowCallWatchdog(Duration.ofSeconds(1), Clock.systemUTC(), reports::add);

    watchdog.watch("SELECT 1").close();
    Thread.sleep(1_500);

    assertThat(reports).isEmpty();
  }

  @Test
  void shouldStopReportingOnceTheCallEnds() throws InterruptedException {
    watchdog = new SlowCallWatchdog(SHORT, Clock.systemUTC(), reports::add);

    SlowCallWatchdog.Watch watch = watchdog.watch("SELECT sleep(3)");
    awaitTrue(() -> !reports.isEmpty());
    watch.close();
    int afterClose = reports.size();
    Thread.sleep(SHORT.toMillis() * 4);

    assertThat(reports).hasSize(afterClose);
    assertThat(reports.getLast().finished()).isTrue();
  }

  @Test
  void shouldShortenLongStatementsToTheirHead() {
    String sql = "INSERT INTO t VALUES " + "(1),".repeat(10_000);

    String shown = SlowCallWatchdog.shorten(sql);

    assertThat(shown)
        .startsWith("INSERT INTO t VALUES (1),")
        .endsWith("... (" + sql.length() + " chars)")
        .hasSizeLessThan(SlowCallWatchdog.MAX_SQL_CHARS + 30);
  }

  @Test
  void shouldRejectAThresholdThatIsNotPositive() {
    assertThatThrownBy(() -> new SlowCallWatchdog(Duration.ZERO, Clock.systemUTC(), reports::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold must be positive");
  }

  /** Polls {@code condition} for up to five seconds. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(10);
    }
  }
}
