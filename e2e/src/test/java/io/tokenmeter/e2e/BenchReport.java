package io.tokenmeter.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's figures, logged and written to {@code target/bench-summary.txt}: achieved publish
 * rate, end-to-end sustained rate and latency, pricing latency, alert latency and memory.
 */
final class BenchReport {

  private static final Logger LOGGER = LoggerFactory.getLogger(BenchReport.class);
  private static final Path SUMMARY = Path.of("target", "bench-summary.txt");
  private static final long MIB = 1024 * 1024;

  private final BenchSettings settings;
  private final PacedPublisher publisher;
  private final RowSampler sampler;
  private final AlertWatcher alerts;
  private final BenchLossCheck clickHouse;

  BenchReport(
      BenchSettings settings,
      PacedPublisher publisher,
      RowSampler sampler,
      AlertWatcher alerts,
      ClickHouseReads reads,
      String tenantPrefix) {
    this.settings = settings;
    this.publisher = publisher;
    this.sampler = sampler;
    this.alerts = alerts;
    this.clickHouse = new BenchLossCheck(reads, tenantPrefix);
  }

  void print(long rowsWhenPublishingEnded, long expectedAlerts, boolean drained) {
    List<String> lines = new ArrayList<>();
    long sent = publisher.sent();
    lines.add(
        format(
            "offered %,d events/s for %d s; published %,d in %.1f s = %,.0f events/s (acked %,d)",
            settings.rate(),
            settings.duration().toSeconds(),
            sent,
            seconds(publisher.publishing()),
            publisher.achievedRate(),
            publisher.acked()));
    lines.add(
        format(
            "ClickHouse rows when publishing ended: %,d (backlog %,d)",
            rowsWhenPublishingEnded, sent - rowsWhenPublishingEnded));
    long allIn = sampler.firstSeen(sent);
    if (drained && allIn >= 0) {
      Duration span = Duration.ofNanos(allIn - publisher.startNanos());
      lines.add(
          format(
              "end to end: all %,d rows in ClickHouse %.1f s after the first publish = %,.0f"
                  + " events/s sustained",
              sent, seconds(span), sent / seconds(span)));
    } else {
      lines.add(
          format(
              "end to end: NOT drained within %d s: %,d of %,d rows",
              settings.drainLimit().toSeconds(), sampler.latest(), sent));
    }
    lines.add(
        "end-to-end latency, publish -> row counted in ClickHouse (resolution "
            + RowSampler.INTERVAL.toMillis()
            + " ms): "
            + sampler.endToEndLatencies(publisher.timeline()));
    Map<String, String> pricing = clickHouse.pricingLatencyMillis();
    pricing.forEach(
        (p50, p99) ->
            lines.add(
                "pricing latency, publish -> priced_at: p50 " + p50 + " ms, p99 " + p99 + " ms"));
    lines.add(
        "alert latency, publish -> readable on the alerts topic (read_committed): "
            + alerts.latencies()
            + "; expected alerts "
            + expectedAlerts);
    clickHouse
        .pricingLatencyByMinute()
        .forEach(
            (minute, figures) -> lines.add("  pricing latency, minute " + minute + ": " + figures));
    alerts
        .latenciesByMinute(publisher.startMillis())
        .forEach(
            (minute, figures) ->
                lines.add("  alert latency, minute " + (minute + 1) + " of the run: " + figures));
    lines.add(memory());
    lines.add("load average (1/5/15 min) at the end: " + loadAverage());
    write(lines);
  }

  private static String memory() {
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return format(
        "memory, one JVM with Kafka, registry, ClickHouse, processor, sink and producer: peak RSS"
            + " %s, RSS now %s, heap used now %,d MiB",
        procStatus("VmHWM"), procStatus("VmRSS"), heapUsed / MIB);
  }

  /** A line of /proc/self/status in MiB (Linux), or "n/a". */
  private static String procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          long kib = Long.parseLong(line.replaceAll("\\D", ""));
          return format("%,d MiB", kib / 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      LOGGER.debug("no {} in /proc/self/status", field, e);
    }
    return "n/a";
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static void write(List<String> lines) {
    lines.forEach(line -> LOGGER.info("bench: {}", line));
    try {
      Files.createDirectories(SUMMARY.getParent());
      Files.write(SUMMARY, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
