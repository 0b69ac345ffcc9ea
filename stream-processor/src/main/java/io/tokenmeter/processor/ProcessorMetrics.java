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

  /** Priced events of a UTC month older than the previous one: not in the month-spend totals. */
  public static final String MONTH_EVENTS_NOT_COUNTED = "month-events-not-counted";

  private ProcessorMetrics() {}

  /** A rate/total sensor for one operation of this task, created once per processor init. */
  public static Sensor sensor(ProcessingContext context, String operation) {
    return context
        .metrics()
        .addRateTotalSensor(SCOPE, context.taskId().toString(), operation, RecordingLevel.INFO);
  }
}
