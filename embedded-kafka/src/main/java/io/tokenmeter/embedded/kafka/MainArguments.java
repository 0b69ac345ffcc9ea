package io.tokenmeter.embedded.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@link Main}, parsed without a CLI library to keep the module's deps small.
 */
record MainArguments(
    Optional<Path> dataDir,
    String host,
    int port,
    int partitions,
    Map<String, String> brokerProperties,
    boolean help) {

  static final int DEFAULT_PORT = 9092;

  static final String USAGE =
      """
      usage: java io.tokenmeter.embedded.kafka.Main [options]
        --data-dir DIR           persistent data directory (default: a temporary one, deleted on exit)
        --port PORT              client port (default 9092; 0 picks a free one)
        --host HOST              address to bind and advertise (default 127.0.0.1)
        --partitions N           partitions of auto-created topics (default 1)
        --broker-property K=V    any Kafka broker property, repeatable
        --help                   this text
      """;

  static MainArguments parse(String... args) {
    Optional<Path> dataDir = Optional.empty();
    String host = EmbeddedKafkaSettings.DEFAULT_HOST;
    int port = DEFAULT_PORT;
    int partitions = EmbeddedKafkaSettings.DEFAULT_PARTITIONS;
    Map<String, String> brokerProperties = new LinkedHashMap<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> help = true;
        case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, option)));
        case "--host" -> host = value(args, ++i, option);
        case "--port" -> port = integer(value(args, ++i, option), option);
        case "--partitions" -> partitions = integer(value(args, ++i, option), option);
        case "--broker-property" -> {
          String pair = value(args, ++i, option);
          int equals = pair.indexOf('=');
          if (equals <= 0) {
            throw new IllegalArgumentException(
                "--broker-property expects KEY=VALUE, e.g. log.retention.hours=1; got " + pair);
          }
          brokerProperties.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
      }
    }
    return new MainArguments(dataDir, host, port, partitions, Map.copyOf(brokerProperties), help);
  }

  EmbeddedKafkaBuilder toBuilder() {
    EmbeddedKafkaBuilder builder =
        EmbeddedKafka.builder()
            .host(host)
            .port(port)
            .defaultPartitions(partitions)
            .brokerProperties(brokerProperties);
    dataDir.ifPresent(builder::dataDir);
    return builder;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  private static int integer(String text, String option) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got " + text, e);
    }
  }
}
