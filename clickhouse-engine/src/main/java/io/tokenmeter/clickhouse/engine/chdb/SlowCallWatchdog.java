package io.tokenmeter.clickhouse.engine.chdb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a chdb call that runs too long visible. A call blocked inside {@code chdb_query_n} cannot
 * be interrupted from Java, and since calls are serialized every other request queues behind it
 * without a word; this reports such a call (which SQL, how long, which thread) every {@code
 * threshold} while it lasts, and once more when it ends.
 */
final class SlowCallWatchdog implements AutoCloseable {

  /** Far above a normal call (milliseconds; seconds for a large insert on a loaded machine). */
  static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(20);

  /** Enough of the statement to recognise it; inserts can carry megabytes. */
  static final int MAX_SQL_CHARS = 300;

  private static final Logger LOGGER = LoggerFactory.getLogger(SlowCallWatchdog.class);
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * One report.
   *
   * @param finished false while the call still runs, true for the report at its end
   */
  record SlowCall(String sql, String threadName, Duration elapsed, boolean finished) {}

  private final Duration threshold;
  private final Clock clock;
  private final Consumer<SlowCall> reporter;
  private final ScheduledExecutorService scheduler;

  SlowCallWatchdog(Duration threshold, Clock clock, Consumer<SlowCall> reporter) {
    Objects.requireNonNull(threshold, "threshold: e.g. DEFAULT_THRESHOLD");
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException(
          "threshold must be positive (was " + threshold + "); e.g. " + DEFAULT_THRESHOLD);
    }
    this.threshold = threshold;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reporter = Objects.requireNonNull(reporter, "reporter");
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("chdb-watchdog").factory());
    // Nearly every watch is cancelled long before it fires; do not let them pile up in the queue.
    executor.setRemoveOnCancelPolicy(true);
    this.scheduler = executor;
  }

  /** A watchdog that logs: ERROR while a call is overdue, WARN when an overdue call ends. */
  static SlowCallWatchdog logging(Duration threshold, Clock clock) {
    return new SlowCallWatchdog(threshold, clock, SlowCallWatchdog::log);
  }

  /** Starts watching a call that runs {@code sql} on the current thread; close it when done. */
  Watch watch(String sql) {
    Watch watch = new Watch(shorten(sql), Thread.currentThread().getName(), clock.instant());
    long periodMillis = threshold.toMillis();
    watch.schedule(
        scheduler.scheduleAtFixedRate(
            watch::reportOverdue, periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    return watch;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  static String shorten(String sql) {
    String stripped = sql.strip();
    // Only the head is looked at: this runs on every call, and an insert's text can be megabytes.
    String head = stripped.substring(0, Math.min(stripped.length(), MAX_SQL_CHARS));
    String oneLine = WHITESPACE.matcher(head).replaceAll(" ");
    return stripped.length() <= MAX_SQL_CHARS
        ? oneLine
        : oneLine + "... (" + stripped.length() + " chars)";
  }

  private static void log(SlowCall call) {
    long seconds = call.elapsed().toSeconds();
    if (call.finished()) {
      LOGGER.warn("A slow chdb call ended after {} s: {}", seconds, call.sql());
      return;
    }
    long pid = ProcessHandle.current().pid();
    LOGGER.error(
        "A chdb call has been running for {} s on thread {} and every other request waits behind"
            + " it: {}. Native stacks: gdb -p {} -batch -ex 'thread apply all bt'",
        seconds,
        call.threadName(),
        call.sql(),
        pid);
  }

  /** The watch on one call. */
  final class Watch implements AutoCloseable {

    private final String sql;
    private final String threadName;
    private final Instant start;
    private ScheduledFuture<?> check;
    private boolean done;
    private boolean reported;

    private Watch(String sql, String threadName, Instant start) {
      this.sql = sql;
      this.threadName = threadName;
      this.start = start;
    }

    private synchronized void schedule(ScheduledFuture<?> future) {
      check = future;
      if (done) {
        future.cancel(false);
      }
    }

    private synchronized void reportOverdue() {
      if (done) {
        return;
      }
      reported = true;
      reporter.accept(new SlowCall(sql, threadName, elapsed(), false));
    }

    private Duration elapsed() {
      return Duration.between(start, clock.instant());
    }

    @Override
    public synchronized void close() {
      if (done) {
        return;
      }
      done = true;
      if (check != null) {
        check.cancel(false);
      }
      if (reported) {
        reporter.accept(new SlowCall(sql, threadName, elapsed(), true));
      }
    }
  }
}
