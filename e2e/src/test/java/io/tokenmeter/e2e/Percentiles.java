package io.tokenmeter.e2e;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of latencies in milliseconds. */
final class Percentiles {

  private final long[] sorted;

  Percentiles(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  /**
   * The smallest value at or above {@code percent} percent of the values (nearest rank); -1 when
   * there are none, so an empty set is never mistaken for a zero latency.
   */
  long at(double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent is " + percent + "; give (0, 100]");
    }
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  long max() {
    return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
  }

  @Override
  public String toString() {
    return sorted.length == 0
        ? "no samples"
        : "p50 " + at(50) + " ms, p99 " + at(99) + " ms, max " + max() + " ms (" + count() + ")";
  }
}
