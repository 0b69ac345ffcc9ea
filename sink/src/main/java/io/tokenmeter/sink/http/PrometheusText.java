package io.tokenmeter.sink.http;

import io.tokenmeter.sink.SinkMetrics;
import io.tokenmeter.sink.SinkStatus;
import io.tokenmeter.sink.row.SinkTable;

/**
 * Renders {@link SinkMetrics} in the Prometheus text exposition format 0.0.4: {@code # HELP} and
 * {@code # TYPE} lines, then samples; counters end in {@code _total}. Written by hand because the
 * format is a few lines and a client library would be the module's only reason for a dependency.
 */
public final class PrometheusText {

  /** The Content-Type scrapers expect for this format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final String PREFIX = "tokenmeter_sink_";

  private PrometheusText() {}

  public static String render(SinkMetrics metrics, SinkStatus.Snapshot status) {
    StringBuilder out = new StringBuilder(2048);
    header(
        out,
        "rows_written_total",
        "counter",
        "Rows sent to ClickHouse per table (a block dropped as a duplicate by its token counts).");
    for (SinkTable table : SinkTable.values()) {
      out.append(PREFIX)
          .append("rows_written_total{table=\"")
          .append(table.tableName())
          .append("\"} ")
          .append(metrics.rowsWritten(table))
          .append('\n');
    }
    metric(
        out,
        "batches_written_total",
        "counter",
        "Batches written completely and then committed.",
        metrics.batchesWritten());
    metric(
        out,
        "retries_total",
        "counter",
        "Failed write or offset-recovery attempts that are retried with backoff.",
        metrics.retries());
    metric(
        out,
        "dead_letters_total",
        "counter",
        "Records the sink dead-lettered (undecodable, unmappable or rejected by ClickHouse).",
        metrics.deadLetters());
    metric(
        out,
        "records_skipped_as_written_total",
        "counter",
        "Records skipped after a restart because ClickHouse already had them.",
        metrics.recordsSkippedAsWritten());
    metric(
        out,
        "commit_failures_total",
        "counter",
        "Offset commits that failed after the rows were written (re-sent ranges are deduplicated).",
        metrics.commitFailures());
    metric(
        out,
        "consumer_lag",
        "gauge",
        "Records not yet consumed, summed over the assigned partitions, at the last poll.",
        metrics.lag());
    metric(
        out,
        "assigned_partitions",
        "gauge",
        "Partitions this instance owns.",
        status.assignedPartitions());
    metric(
        out,
        "retrying_partitions",
        "gauge",
        "Partitions waiting to retry a failed write (0 when ClickHouse accepts the writes).",
        status.retryingPartitions());
    return out.toString();
  }

  private static void metric(StringBuilder out, String name, String type, String help, long value) {
    header(out, name, type, help);
    out.append(PREFIX).append(name).append(' ').append(value).append('\n');
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(PREFIX).append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(PREFIX).append(name).append(' ').append(type).append('\n');
  }
}
