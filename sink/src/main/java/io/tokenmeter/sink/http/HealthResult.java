package io.tokenmeter.sink.http;

import io.tokenmeter.sink.SinkStatus;
import java.util.Locale;

/** One health answer: up or not, and why, rendered as the JSON body of the probe's response. */
public record HealthResult(boolean up, String reason) {

  static HealthResult up(String reason) {
    return new HealthResult(true, reason);
  }

  static HealthResult down(String reason) {
    return new HealthResult(false, reason);
  }

  /** 200 when up, 503 (service unavailable) otherwise: what probes and load balancers read. */
  public int httpStatus() {
    return up ? 200 : 503;
  }

  /** {@code {"status":"UP","reason":...,"phase":...,"assignedPartitions":n,...}}, one line. */
  public String toJson(SinkStatus.Snapshot snapshot) {
    return "{\"status\":\""
        + (up ? "UP" : "DOWN")
        + "\",\"reason\":"
        + quote(reason)
        + ",\"phase\":\""
        + snapshot.phase()
        + "\",\"migrated\":"
        + snapshot.migrated()
        + ",\"assignedPartitions\":"
        + snapshot.assignedPartitions()
        + ",\"retryingPartitions\":"
        + snapshot.retryingPartitions()
        + "}\n";
  }

  /** A JSON string literal; error messages may hold quotes, backslashes and newlines. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
