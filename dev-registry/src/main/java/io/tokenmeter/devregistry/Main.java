package io.tokenmeter.devregistry;

import java.nio.file.Path;

/**
 * Runs the development schema registry standalone:
 *
 * <pre>{@code
 * java -cp ... io.tokenmeter.devregistry.Main --port 8081 --data-dir /var/tmp/registry
 * }</pre>
 *
 * Prints one "listening on URL" line once it serves, then runs until the process is stopped.
 */
public final class Main {
  private static final String USAGE =
      "usage: Main [--host 127.0.0.1] [--port 8081] [--data-dir DIR] [--incompatible-error-code 409|40901]";

  private Main() {}

  public static void main(String[] args) {
    DevRegistryConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    DevRegistry registry = DevRegistry.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "dev-registry-shutdown"));
    // A CLI's contract with scripts: one line on stdout saying where it serves.
    System.out.println("tokenmeter dev registry (development only) listening on " + registry.url());
  }

  static DevRegistryConfig parse(String[] args) {
    DevRegistryConfig.Builder builder = DevRegistryConfig.builder();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        throw new IllegalArgumentException(
            "Starts a development-only Confluent-API schema registry.");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--host" -> builder.host(value);
        case "--port" -> builder.port(parseInt(option, value));
        case "--data-dir" -> builder.dataDir(Path.of(value));
        case "--incompatible-error-code" -> builder.incompatibleErrorCode(parseInt(option, value));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return builder.build();
  }

  private static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got '" + value + "'", e);
    }
  }
}
