package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.sink.SinkStatus.Phase;
import io.tokenmeter.sink.http.PrometheusText;
import io.tokenmeter.sink.row.SinkTable;
import org.junit.jupiter.api.Test;

/** In the sink's package because only the loop may count into SinkMetrics. */
class PrometheusTextTest {

  @Test
  void shouldRenderEveryCounterAndGaugeInTheTextFormat() {
    SinkMetrics metrics = new SinkMetrics();
    metrics.addRows(SinkTable.PRICED_USAGE, 20_000);
    metrics.addRows(SinkTable.DEAD_LETTERS, 2);
    metrics.batchWritten();
    metrics.batchWritten();
    metrics.batchWritten();
    metrics.retried();
    metrics.deadLettered(2);
    metrics.skipped(7);
    metrics.commitFailed();
    metrics.lag(123_456);
    SinkStatus.Snapshot status =
        new SinkStatus.Snapshot(Phase.RUNNING, null, true, true, 12, 1, "e", null);

    assertThat(PrometheusText.render(metrics, status))
        .isEqualTo(
            """
            # HELP tokenmeter_sink_rows_written_total Rows sent to ClickHouse per table (a block \
            dropped as a duplicate by its token counts).
            # TYPE tokenmeter_sink_rows_written_total counter
            tokenmeter_sink_rows_written_total{table="tokenmeter_priced_usage"} 20000
            tokenmeter_sink_rows_written_total{table="tokenmeter_usage_aggregates"} 0
            tokenmeter_sink_rows_written_total{table="tokenmeter_budget_alerts"} 0
            tokenmeter_sink_rows_written_total{table="tokenmeter_unpriced_usage"} 0
            tokenmeter_sink_rows_written_total{table="tokenmeter_dead_letters"} 2
            # HELP tokenmeter_sink_batches_written_total Batches written completely and then \
            committed.
            # TYPE tokenmeter_sink_batches_written_total counter
            tokenmeter_sink_batches_written_total 3
            # HELP tokenmeter_sink_retries_total Failed write or offset-recovery attempts that \
            are retried with backoff.
            # TYPE tokenmeter_sink_retries_total counter
            tokenmeter_sink_retries_total 1
            # HELP tokenmeter_sink_dead_letters_total Records the sink dead-lettered \
            (undecodable, unmappable or rejected by ClickHouse).
            # TYPE tokenmeter_sink_dead_letters_total counter
            tokenmeter_sink_dead_letters_total 2
            # HELP tokenmeter_sink_records_skipped_as_written_total Records skipped after a \
            restart because ClickHouse already had them.
            # TYPE tokenmeter_sink_records_skipped_as_written_total counter
            tokenmeter_sink_records_skipped_as_written_total 7
            # HELP tokenmeter_sink_commit_failures_total Offset commits that failed after the \
            rows were written (re-sent ranges are deduplicated).
            # TYPE tokenmeter_sink_commit_failures_total counter
            tokenmeter_sink_commit_failures_total 1
            # HELP tokenmeter_sink_consumer_lag Records not yet consumed, summed over the \
            assigned partitions, at the last poll.
            # TYPE tokenmeter_sink_consumer_lag gauge
            tokenmeter_sink_consumer_lag 123456
            # HELP tokenmeter_sink_assigned_partitions Partitions this instance owns.
            # TYPE tokenmeter_sink_assigned_partitions gauge
            tokenmeter_sink_assigned_partitions 12
            # HELP tokenmeter_sink_retrying_partitions Partitions waiting to retry a failed \
            write (0 when ClickHouse accepts the writes).
            # TYPE tokenmeter_sink_retrying_partitions gauge
            tokenmeter_sink_retrying_partitions 1
            """);
  }
}
