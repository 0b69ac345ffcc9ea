package io.tokenmeter.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline (Awaitility is not available here). */
final class Poll {

  private static final Duration INTERVAL = Duration.ofMillis(250);

  private Poll() {}

  static void until(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(INTERVAL.toMillis());
    }
  }
}
