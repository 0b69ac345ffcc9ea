package io.tokenmeter.processor.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tokenmeter.processor.ProcessorMetrics;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * {@code /metrics} in the Prometheus text format: tokenmeter's own sensors ({@link
 * ProcessorMetrics}, per task) and a few Kafka Streams client and thread metrics. Not every Kafka
 * metric: there are hundreds per task and scraping them all costs more than they are worth here.
 */
final class MetricsHandler implements HttpHandler {
  static final String PATH = "/metrics";

  private static final String OWN_GROUP = "stream-" + ProcessorMetrics.SCOPE + "-metrics";
  private static final Set<String> STREAMS_METRICS =
      Set.of(
          "process-rate",
          "process-total",
          "commit-latency-avg",
          "poll-records-avg",
          "alive-stream-threads",
          "failed-stream-threads");

  private final Supplier<Map<MetricName, ? extends Metric>> metrics;

  MetricsHandler(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Responses.send(exchange, 200, Responses.PROMETHEUS, render(metrics.get()));
  }

  static String render(Map<MetricName, ? extends Metric> all) {
    // Sorted, so one metric's samples stay together under one TYPE line.
    Map<String, Double> samples = new TreeMap<>();
    all.forEach(
        (name, metric) -> {
          boolean own = OWN_GROUP.equals(name.group());
          if (!own && !STREAMS_METRICS.contains(name.name())) {
            return;
          }
          if (!(metric.metricValue() instanceof Number number)) {
            return;
          }
          String prefix = own ? "tokenmeter_" : "kafka_streams_";
          samples.merge(
              prefix + sanitize(name.name()) + labels(name.tags()),
              number.doubleValue(),
              (a, b) -> b);
        });
    StringBuilder text = new StringBuilder();
    String lastName = null;
    for (Map.Entry<String, Double> sample : samples.entrySet()) {
      String metricName = sample.getKey().replaceFirst("\\{.*", "");
      if (!metricName.equals(lastName)) {
        String type = metricName.endsWith("_total") ? "counter" : "gauge";
        text.append("# TYPE ").append(metricName).append(' ').append(type).append('\n');
        lastName = metricName;
      }
      text.append(sample.getKey()).append(' ').append(format(sample.getValue())).append('\n');
    }
    return text.toString();
  }

  private static String labels(Map<String, String> tags) {
    if (tags.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("{");
    new TreeMap<>(tags)
        .forEach(
            (key, value) ->
                text.append(sanitize(key))
                    .append("=\"")
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append("\","));
    text.setCharAt(text.length() - 1, '}');
    return text.toString();
  }

  private static String sanitize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(value);
  }
}
