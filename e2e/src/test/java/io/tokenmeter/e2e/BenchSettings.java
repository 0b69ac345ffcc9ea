package io.tokenmeter.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the whole-stack benchmark does, from system properties ({@code -Dtokenmeter.bench.*} on the
 * Maven command line): the offered rate, how long to publish, and how long to wait for the pipeline
 * to drain its backlog afterwards.
 */
record BenchSettings(int rate, Duration duration, Duration drainLimit) {

  static final String RATE = "tokenmeter.bench.rate";
  static final String DURATION_SECONDS = "tokenmeter.bench.seconds";
  static final String DRAIN_SECONDS = "tokenmeter.bench.drain.seconds";

  /** The project's goal on this machine kind (issue 8): 50k events/s sustained. */
  static final int DEFAULT_RATE = 50_000;

  /** Five minutes: long enough for RocksDB compactions and ClickHouse merges to show up. */
  static final int DEFAULT_DURATION_SECONDS = 300;

  /** A pipeline that cannot keep up still gets this long to catch up before the run fails. */
  static final int DEFAULT_DRAIN_SECONDS = 600;

  BenchSettings {
    List<String> problems = new ArrayList<>();
    if (rate < 1) {
      problems.add(RATE + " is " + rate + "; give events per second, at least 1");
    }
    if (duration.isNegative() || duration.isZero()) {
      problems.add(DURATION_SECONDS + " is " + duration.toSeconds() + "; give at least 1 second");
    }
    if (drainLimit.isNegative() || drainLimit.isZero()) {
      problems.add(DRAIN_SECONDS + " is " + drainLimit.toSeconds() + "; give at least 1 second");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  static BenchSettings from(Properties properties) {
    return new BenchSettings(
        integer(properties, RATE, DEFAULT_RATE),
        Duration.ofSeconds(integer(properties, DURATION_SECONDS, DEFAULT_DURATION_SECONDS)),
        Duration.ofSeconds(integer(properties, DRAIN_SECONDS, DEFAULT_DRAIN_SECONDS)));
  }

  /** Events the run publishes if the producer keeps the rate. */
  long plannedEvents() {
    return rate * duration.toSeconds();
  }

  private static int integer(Properties properties, String key, int fallback) {
    String text = properties.getProperty(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " is '" + text + "'; give a whole number, e.g. -D" + key + "=" + fallback, e);
    }
  }
}
