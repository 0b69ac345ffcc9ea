package io.tokenmeter.processor;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.Sensor.RecordingLevel;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * tokenmeter's own sensors (rate and total per task), registered through Kafka Streams so they are
 * exported with every other Kafka Streams metric (JMX group {@code stream-tokenmeter-metrics}).
 */
public final class ProcessorMetrics {
  public static final String SCOPE = "tokenmeter";
  public static final String DEAD_LETTERS = "dead-letters";
  public static final String EVENTS_PRICED = "events-priced";
  public static final String EVENTS_UNPRICED = "events-unpriced";
  public static final String EVENTS_REPRICED = "events-repriced";
  public static final String ALERTS_EMITTED = "budget-alerts";
  public static final String BUDGET_STATE_UPDATES = "budget-state-updates";
  public static final String LATE_EVENTS_CORRECTED = "late-events-corrected";
  public static final String LATE_EVENTS_EXPIRED = "late-events-expired";
  public static final String DUPLICATES_DROPPED = "duplicate-events-dropped";
  public static final String DUPLICATE_CHECKS_SKIPPED = "duplicate-check-skipped";

  /**
   * Time to price one event (catalog match, cost, building the priced or unpriced record), in
   * nanoseconds: exported as {@code pricing-latency-avg} and {@code pricing-latency-max} (over the
   * metrics window), with {@code pricing-rate} and {@code pricing-total}.
   */
  public static final String PRICING = "pricing";

  /** Priced events of a UTC month older than the previous one: not in the month-spend totals. */
  public static final String MONTH_EVENTS_NOT_COUNTED = "month-events-not-counted";

  private ProcessorMetrics() {}

  /** A rate/total sensor for one operation of this task, created once per processor init. */
  public static Sensor sensor(ProcessingContext context, String operation) {
    return context
        .metrics()
        .addRateTotalSensor(SCOPE, context.taskId().toString(), operation, RecordingLevel.INFO);
  }

  /**
   * A latency sensor ({@code <operation>-latency-avg}, {@code -latency-max}, {@code -rate}, {@code
   * -total}) for one operation of this task; record nanoseconds, as Kafka Streams does.
   */
  public static Sensor latencySensor(ProcessingContext context, String operation) {
    return context
        .metrics()
        .addLatencyRateTotalSensor(
            SCOPE, context.taskId().toString(), operation, RecordingLevel.INFO);
  }
}
