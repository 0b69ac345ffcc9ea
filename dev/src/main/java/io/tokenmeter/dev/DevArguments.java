package io.tokenmeter.dev;

import java.nio.file.Path;
import java.util.List;

/** Parses {@code dev}'s command line into {@link DevOptions}; unknown flags are errors. */
public final class DevArguments {

  static final String DATA_DIR = "--data-dir";
  static final String NO_DEMO = "--no-demo";
  static final String DEMO_EVENTS = "--demo-events";
  static final String DEMO_RATE = "--demo-rate";
  static final String KAFKA_PORT = "--kafka-port";
  static final String REGISTRY_PORT = "--registry-port";
  static final String CLICKHOUSE_PORT = "--clickhouse-port";
  static final String API_PORT = "--api-port";
  static final String HELP = "--help";

  public static final String USAGE =
      """
      usage: ./tokenmeter dev [options]

        --data-dir DIR          where all data is kept (default ./.tokenmeter-dev); a second
                                dev on the same directory continues from it
        --no-demo               no demo traffic: only the pipeline, for your own producers
        --demo-events N         stop the demo after N events (default 0 = until Ctrl-C)
        --demo-rate N           demo events per second (default 20)
        --kafka-port N          Kafka bootstrap port (default 9092)
        --registry-port N       schema registry port (default 8081)
        --clickhouse-port N     ClickHouse HTTP port (default 8123)
        --api-port N            the processor's HTTP spend API and health port (default 8080)
        --help                  this text

      Ctrl-C stops everything; the data stays in the data directory.
      """;

  private DevArguments() {}

  /**
   * @return the options, or null when {@code --help} was asked for
   * @throws IllegalArgumentException naming the flag and what it needs
   */
  public static DevOptions parse(List<String> args) {
    DevOptions d = DevOptions.defaults();
    Path dataDir = d.dataDir();
    boolean demo = d.demo();
    long demoEvents = d.demoEventLimit();
    int demoRate = d.demoRate();
    int kafkaPort = d.kafkaPort();
    int registryPort = d.registryPort();
    int clickHousePort = d.clickHousePort();
    int apiPort = d.apiPort();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      switch (flag) {
        case HELP, "-h" -> {
          return null;
        }
        case NO_DEMO -> demo = false;
        case DATA_DIR -> dataDir = Path.of(value(args, ++i, flag));
        case DEMO_EVENTS -> demoEvents = number(args, ++i, flag);
        case DEMO_RATE -> demoRate = (int) number(args, ++i, flag);
        case KAFKA_PORT -> kafkaPort = (int) number(args, ++i, flag);
        case REGISTRY_PORT -> registryPort = (int) number(args, ++i, flag);
        case CLICKHOUSE_PORT -> clickHousePort = (int) number(args, ++i, flag);
        case API_PORT -> apiPort = (int) number(args, ++i, flag);
        default ->
            throw new IllegalArgumentException(
                "unknown option " + flag + "; see ./tokenmeter dev --help");
      }
    }
    return new DevOptions(
        dataDir,
        demo,
        demoEvents,
        demoRate,
        kafkaPort,
        registryPort,
        clickHousePort,
        apiPort,
        d.refresh());
  }

  private static String value(List<String> args, int index, String flag) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(
          flag + " needs a value, e.g. " + flag + " " + example(flag));
    }
    return args.get(index);
  }

  private static long number(List<String> args, int index, String flag) {
    String text = value(args, index, flag);
    try {
      long number = Long.parseLong(text);
      if (number > Integer.MAX_VALUE && !flag.equals(DEMO_EVENTS)) {
        throw new NumberFormatException(text);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          flag + " needs a whole number, got '" + text + "', e.g. " + flag + " " + example(flag),
          e);
    }
  }

  private static String example(String flag) {
    return switch (flag) {
      case DATA_DIR -> "/tmp/tokenmeter-dev";
      case KAFKA_PORT -> "19092";
      case REGISTRY_PORT -> "18081";
      case CLICKHOUSE_PORT -> "18123";
      case API_PORT -> "18080";
      default -> "100";
    };
  }
}
