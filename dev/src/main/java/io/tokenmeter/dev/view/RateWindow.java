package io.tokenmeter.dev.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Events per second over the last readings of a growing total. The sink writes rows in batches, so
 * the rate between two one-second refreshes swings between a batch and none; a window of several
 * seconds shows the rate a person expects.
 */
final class RateWindow {
  private record Reading(Instant at, long total) {}

  private final Duration span;
  private final Deque<Reading> readings = new ArrayDeque<>();

  RateWindow(Duration span) {
    this.span = span;
  }

  /** Adds a reading and returns the rate since the oldest one within the span (0 at first). */
  double add(Instant at, long total) {
    readings.addLast(new Reading(at, total));
    while (readings.size() > 2 && !readings.peekFirst().at().isAfter(at.minus(span))) {
      readings.removeFirst();
    }
    Reading oldest = readings.peekFirst();
    long millis = Duration.between(oldest.at(), at).toMillis();
    return millis <= 0 ? 0 : Math.max(0, total - oldest.total()) * 1000.0 / millis;
  }
}
