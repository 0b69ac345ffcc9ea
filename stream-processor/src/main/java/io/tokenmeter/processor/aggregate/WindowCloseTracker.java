package io.tokenmeter.processor.aggregate;

import java.time.Duration;
import java.util.TreeSet;

/**
 * What the aggregate processor knows about its store's windows without reading it: the close times
 * of windows not finalized yet, and how far finalization and expiry have got. With it the close
 * check reads the store only when a window has closed, not every time stream time crosses a check
 * interval (traffic whose event time jumps, such as a backfill, crosses one per event). Window
 * bounds are aligned, so there are few distinct close times. One per processor and task; {@link
 * #restart} at every (re)initialisation, then {@link #opened} for each open window in the store.
 */
final class WindowCloseTracker {
  private final Duration checkInterval;
  private final TreeSet<Long> openCloseTimes = new TreeSet<>();
  private long finalizedUpTo = -1;
  private long expiredUpTo = -1;

  /**
   * @param checkInterval how often (stream time) the processor runs its close check
   */
  WindowCloseTracker(Duration checkInterval) {
    this.checkInterval = checkInterval;
  }

  /**
   * Forgets everything: a revived task reuses its processor after its state was wiped and restored,
   * and windows it finalized in an aborted transaction are open again. Kafka Streams starts a task
   * at its committed stream time; the close check ran at the first record of each run and then at
   * least once per check interval of stream time, so every window that closed one interval before
   * that stream time was final in the committed state. Unknown stream time (-1): nothing is
   * assumed.
   */
  void restart(long committedStreamTimeMs) {
    openCloseTimes.clear();
    finalizedUpTo =
        committedStreamTimeMs < 0
            ? -1
            : Math.max(-1, committedStreamTimeMs - checkInterval.toMillis() - 1);
    expiredUpTo = -1;
  }

  /** Every window closing at or before this (epoch ms) is final; the open ones close later. */
  long finalizedUpTo() {
    return finalizedUpTo;
  }

  /** A window closing at {@code closeTimeMs} is in the store and not final. */
  void opened(long closeTimeMs) {
    openCloseTimes.add(closeTimeMs);
  }

  /** Whether an open window closes at or before {@code streamTimeMs}: a store read is needed. */
  boolean anyClosedBy(long streamTimeMs) {
    return !openCloseTimes.isEmpty() && openCloseTimes.first() <= streamTimeMs;
  }

  /** Every window closing at or before {@code streamTimeMs} has been finalized. */
  void finalizedUpTo(long streamTimeMs) {
    openCloseTimes.headSet(streamTimeMs, true).clear();
    finalizedUpTo = Math.max(finalizedUpTo, streamTimeMs);
  }

  /**
   * The first close time of the windows to delete now that everything closing at or before {@code
   * upToMs} has expired, or -1 when that range was deleted already; the range counts as deleted
   * from here on.
   */
  long expireFrom(long upToMs) {
    if (upToMs <= expiredUpTo) {
      return -1;
    }
    long from = expiredUpTo + 1;
    expiredUpTo = upToMs;
    return from;
  }
}
