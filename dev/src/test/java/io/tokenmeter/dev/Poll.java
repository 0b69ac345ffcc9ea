package io.tokenmeter.dev;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Waits for a condition with a deadline (awaitility is not available here). */
final class Poll {

  private static final Duration INTERVAL = Duration.ofMillis(500);

  private Poll() {}

  /**
   * @return the last value read, once {@code done} accepts it
   * @throws AssertionError with the last value when the deadline passes
   */
  static <T> T until(
      String what, Duration timeout, Callable<T> read, java.util.function.Predicate<T> done)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    T last = null;
    Exception lastError = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = read.call();
        lastError = null;
        if (done.test(last)) {
          return last;
        }
      } catch (Exception e) {
        lastError = e;
      }
      Thread.sleep(INTERVAL.toMillis());
    }
    AssertionError failure =
        new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; last: " + last);
    if (lastError != null) {
      failure.initCause(lastError);
    }
    throw failure;
  }
}
