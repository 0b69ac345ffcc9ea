package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.WindowSize;
import java.time.Duration;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;

/**
 * The tumbling window sizes tokenmeter aggregates over. Kafka's {@link TimeWindows} align windows
 * to the epoch, so every size here (which divides a UTC day) gives UTC-aligned windows: a DAY
 * window runs from 00:00 UTC to the next 00:00 UTC.
 */
public enum AggregateWindow {
  MINUTE(Duration.ofMinutes(1), WindowSize.MINUTE),
  HOUR(Duration.ofHours(1), WindowSize.HOUR),
  DAY(Duration.ofDays(1), WindowSize.DAY);

  private final Duration size;
  private final WindowSize schemaSize;

  AggregateWindow(Duration size, WindowSize schemaSize) {
    this.size = size;
    this.schemaSize = schemaSize;
  }

  public Duration size() {
    return size;
  }

  public WindowSize schemaSize() {
    return schemaSize;
  }

  /** The Kafka Streams window definition of this size with the given grace. */
  public TimeWindows windows(Duration grace) {
    return TimeWindows.ofSizeAndGrace(size, grace);
  }

  /** The one tumbling window that holds {@code timestampMs}. */
  public Window windowFor(long timestampMs, Duration grace) {
    return windows(grace).windowsFor(timestampMs).values().iterator().next();
  }
}
