package io.tokenmeter.dev;

import io.tokenmeter.dev.demo.DemoPublisher;
import io.tokenmeter.dev.view.LiveView;
import io.tokenmeter.dev.view.LiveViewLoop;
import io.tokenmeter.dev.view.SpendQueries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./tokenmeter dev}: the whole pipeline in one process with a live view, until Ctrl-C. This
 * is a program, so it prints to the terminal; what it does is in {@link DevStack}.
 */
public final class DevMain {

  private static final Logger LOGGER = LoggerFactory.getLogger(DevMain.class);

  static final int EXIT_USAGE = 64;
  static final int EXIT_FAILED = 1;

  private DevMain() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = System.out;
    DevOptions options;
    try {
      options = DevArguments.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println("tokenmeter dev: " + e.getMessage());
      System.exit(EXIT_USAGE);
      return;
    }
    if (options == null) {
      out.print(DevArguments.USAGE);
      return;
    }
    Clock clock = Clock.systemUTC();
    out.println("tokenmeter dev: data in " + options.dataDir().toAbsolutePath());
    DevStack stack;
    try {
      stack = DevStack.start(options, clock, out);
    } catch (Exception e) {
      LOGGER.debug("Start failed", e);
      System.err.println("tokenmeter dev could not start: " + e.getMessage());
      System.exit(EXIT_FAILED);
      return;
    }
    Endpoints endpoints = stack.endpoints();
    try {
      Path file = EndpointsFile.write(options.dataDir(), endpoints);
      out.println("\n" + endpoints.toText() + "(also in " + file.toAbsolutePath() + ")\n");
    } catch (IOException e) {
      LOGGER.warn("Could not write {}: {}", EndpointsFile.NAME, e.getMessage());
      out.println("\n" + endpoints.toText());
    }
    DemoPublisher demo = stack.demo();
    LiveViewLoop view =
        new LiveViewLoop(
                new SpendQueries(endpoints.clickHouseJdbcUrl()),
                new LiveView(isTerminal()),
                out,
                clock,
                () -> demo == null ? -1 : demo.acknowledged())
            .start(options.refresh());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("\nStopping (data stays in " + options.dataDir() + ")...");
                  view.close();
                  stack.close();
                  out.println("Stopped.");
                  stopped.countDown();
                },
                "tokenmeter-dev-shutdown"));
    stopped.await();
  }

  /** Since JDK 22 System.console() exists for pipes too; only a real terminal gets ANSI redraws. */
  private static boolean isTerminal() {
    return System.console() != null && System.console().isTerminal();
  }
}
