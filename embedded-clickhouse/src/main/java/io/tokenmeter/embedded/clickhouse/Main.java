package io.tokenmeter.embedded.clickhouse;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded ClickHouse standalone until the process is stopped:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp ... io.tokenmeter.embedded.clickhouse.Main \
 *     --data-dir DIR [--port 8123] [--host 127.0.0.1] [--user NAME:PASSWORD]... [--max-request-bytes N]
 * </pre>
 */
public final class Main {

  static final String USAGE =
      "usage: Main --data-dir DIR [--port 8123] [--host 127.0.0.1] [--user NAME:PASSWORD]..."
          + " [--max-request-bytes N]";

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedClickHouse.Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      // A command-line tool: its errors and its banner are for the person at the terminal.
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    EmbeddedClickHouse clickHouse = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      clickHouse.close();
                      stopped.countDown();
                    }));
    System.out.println("ClickHouse HTTP: " + clickHouse.httpUrl());
    System.out.println("JDBC URL:        " + clickHouse.jdbcUrl());
    System.out.println("started in " + clickHouse.startupTime().toMillis() + " ms; Ctrl-C stops");
    stopped.await();
  }

  static EmbeddedClickHouse.Builder parse(String[] args) {
    EmbeddedClickHouse.Builder builder = EmbeddedClickHouse.builder().port(8123);
    boolean hasDataDir = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--data-dir" -> {
          builder.dataDirectory(Path.of(value));
          hasDataDir = true;
        }
        case "--port" -> builder.port(parseNumber(option, value));
        case "--host" -> builder.host(value);
        case "--max-request-bytes" -> builder.maxRequestBytes(parseNumber(option, value));
        case "--user" -> {
          int colon = value.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--user wants NAME:PASSWORD (NAME: for none)");
          }
          builder.user(value.substring(0, colon), value.substring(colon + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (!hasDataDir) {
      throw new IllegalArgumentException("--data-dir is required");
    }
    return builder;
  }

  private static int parseNumber(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " wants a number, got '" + value + "'");
    }
  }
}
