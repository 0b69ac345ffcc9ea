package io.tokenmeter.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class MetricsHandlerTest {
  private record FixedMetric(MetricName metricName, Object metricValue) implements Metric {}

  private static void add(
      Map<MetricName, Metric> metrics, String name, String group, Object value, String task) {
    MetricName metricName =
        new MetricName(name, group, "", task == null ? Map.of() : Map.of("task-id", task));
    metrics.put(metricName, new FixedMetric(metricName, value));
  }

  @Test
  void shouldExportOwnSensorsAndSelectedStreamsMetricsInPrometheusText() {
    Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    add(metrics, "events-priced-total", "stream-tokenmeter-metrics", 12.0, "1_0");
    add(metrics, "events-priced-total", "stream-tokenmeter-metrics", 3.0, "0_0");
    add(metrics, "alive-stream-threads", "stream-metrics", 1, null);
    add(metrics, "records-lag", "consumer-fetch-manager-metrics", 5.0, "0_0");
    add(metrics, "version", "stream-metrics", "4.1.1", null);

    assertThat(MetricsHandler.render(metrics))
        .isEqualTo(
            "# TYPE kafka_streams_alive_stream_threads gauge\n"
                + "kafka_streams_alive_stream_threads 1.0\n"
                + "# TYPE tokenmeter_events_priced_total counter\n"
                + "tokenmeter_events_priced_total{task_id=\"0_0\"} 3.0\n"
                + "tokenmeter_events_priced_total{task_id=\"1_0\"} 12.0\n");
  }
}
