package io.tokenmeter.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline (Awaitility is not available here). Deadlines are generous
 * on purpose: on a loaded 2-core machine a JVM start or a rebalance can take tens of seconds, and a
 * wait that merely took long is not a failure; only a condition that never came is.
 */
final class Poll {

  private static final Duration INTERVAL = Duration.ofMillis(250);

  private Poll() {}

  static void until(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    until(timeout, what, condition, () -> "");
  }

  /**
   * Waits for {@code condition}; on timeout fails with {@code what} and the state {@code
   * diagnostics} describes at that moment (e.g. how far the stream had come).
   */
  static void until(
      Duration timeout, String what, BooleanSupplier condition, Supplier<String> diagnostics)
      throws InterruptedException {
    if (!within(timeout, condition)) {
      String state = diagnostics.get();
      throw new AssertionError(
          "timed out after "
              + timeout
              + " waiting for "
              + what
              + (state.isEmpty() ? "" : "; " + state));
    }
  }

  /** Waits for {@code condition} up to {@code timeout}; false if it never held. */
  static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(INTERVAL.toMillis());
    }
    return true;
  }
}
