package io.tokenmeter.dev;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Start-up progress lines: {@code [3/7] ClickHouse ready in 0.8 s}. */
public final class Progress {

  private final PrintStream out;
  private final int steps;
  private int done;

  public Progress(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  /** Prints the next step's line. */
  public void done(String what, Duration took) {
    done++;
    out.println(line(done, steps, what, took));
    out.flush();
  }

  static String line(int step, int steps, String what, Duration took) {
    return String.format(
        Locale.ROOT, "[%d/%d] %s in %.1f s", step, steps, what, took.toMillis() / 1000.0);
  }
}
