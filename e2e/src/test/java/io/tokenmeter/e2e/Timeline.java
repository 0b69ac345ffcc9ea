package io.tokenmeter.e2e;

import java.util.Arrays;

/**
 * A cumulative count over time ({@link System#nanoTime} stamps, counts never decreasing), appended
 * by one thread: answers when the count first reached a value.
 */
final class Timeline {

  private long[] nanos = new long[1024];
  private long[] counts = new long[1024];
  private int size;

  void record(long atNanos, long count) {
    if (size > 0 && counts[size - 1] == count) {
      return; // nothing new: keeps the first time each count was reached
    }
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    nanos[size] = atNanos;
    counts[size] = count;
    size++;
  }

  /** The first time the count was at least {@code count}, or -1 if it never was. */
  long firstReached(long count) {
    int low = 0;
    int high = size - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (counts[middle] >= count) {
        found = middle;
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
    return found < 0 ? -1 : nanos[found];
  }

  int size() {
    return size;
  }

  long nanosAt(int index) {
    return nanos[index];
  }

  long countAt(int index) {
    return counts[index];
  }
}
