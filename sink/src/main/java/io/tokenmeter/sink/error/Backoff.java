package io.tokenmeter.sink.error;

import java.time.Duration;

/**
 * Capped exponential backoff: initial, 2x, 4x, ... up to max, for ever. No jitter: each sink
 * instance retries its own partitions, so there is no thundering herd to spread.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;

  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** The delay before attempt {@code failures + 1}, after {@code failures} failures (>= 1). */
  public Duration delayAfter(int failures) {
    if (failures < 1) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - 1, 30);
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
