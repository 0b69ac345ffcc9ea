package io.tokenmeter.processor.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * Kafka's own ConsumerPerformance tool, in-process, on the usage topic: the ceiling a processor
 * reading that topic on this machine cannot beat. Its rate excludes its group-join time.
 */
final class ConsumerBaseline {
  private ConsumerBaseline() {}

  /** Records per second, from the tool's CSV summary line ({@code fetch.nMsg.sec}). */
  static double recordsPerSecond(String bootstrap, String topic, long records) {
    String[] args = {
      "--bootstrap-server",
      bootstrap,
      "--topic",
      topic,
      "--messages",
      Long.toString(records),
      "--group",
      "bench-consumer-perf-" + System.nanoTime(),
      "--timeout",
      "60000"
    };
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ConsumerPerformance.main(args);
    } finally {
      System.setOut(original);
    }
    return parse(captured.toString(StandardCharsets.UTF_8));
  }

  /**
   * The summary is a header line and a CSV line: start, end, MB, MB/s, nMsg, nMsg/s, rebalance ms,
   * fetch ms, fetch MB/s, fetch nMsg/s; the last column is the rate without the group join.
   */
  static double parse(String output) {
    String[] lines = output.strip().split("\\R");
    String[] columns = lines[lines.length - 1].split(",");
    if (columns.length < 10) {
      throw new IllegalStateException("no ConsumerPerformance summary in: " + output);
    }
    return Double.parseDouble(columns[columns.length - 1].strip());
  }
}
