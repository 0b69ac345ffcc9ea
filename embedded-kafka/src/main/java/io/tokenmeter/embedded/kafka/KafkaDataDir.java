package io.tokenmeter.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk layout of one embedded broker: the KRaft log directory, the server.properties it last
 * ran with, and the ports it listened on.
 */
final class KafkaDataDir {

  private static final Logger LOGGER = LoggerFactory.getLogger(KafkaDataDir.class);

  static final String LOG_DIR_NAME = "kraft-combined-logs";
  static final String SERVER_PROPERTIES_NAME = "server.properties";
  static final String PORTS_FILE_NAME = "listener-ports.properties";
  private static final String META_PROPERTIES_NAME = "meta.properties";
  private static final String BROKER_PORT_KEY = "broker.port";
  private static final String CONTROLLER_PORT_KEY = "controller.port";

  private final Path root;

  KafkaDataDir(Path root) {
    this.root = root;
  }

  static KafkaDataDir createTemporary() {
    try {
      return new KafkaDataDir(Files.createTempDirectory("tokenmeter-kafka-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary Kafka data directory", e);
    }
  }

  Path root() {
    return root;
  }

  Path logDir() {
    return root.resolve(LOG_DIR_NAME);
  }

  /**
   * True once the storage tool wrote meta.properties; a formatted directory is never reformatted.
   */
  boolean isFormatted() {
    return Files.isRegularFile(logDir().resolve(META_PROPERTIES_NAME));
  }

  Optional<String> clusterId() {
    if (!isFormatted()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        read(logDir().resolve(META_PROPERTIES_NAME)).getProperty("cluster.id"));
  }

  /**
   * Writes the broker configuration and, on first use, formats the log directory with a new cluster
   * id through Kafka's own storage tool (the code behind {@code kafka-storage.sh format}). Returns
   * the cluster id stored in meta.properties.
   */
  String prepare(Map<String, String> brokerProperties) {
    Path config = root.resolve(SERVER_PROPERTIES_NAME);
    Properties properties = new Properties();
    properties.putAll(brokerProperties);
    write(config, properties, "written by EmbeddedKafka on every start");
    if (!isFormatted()) {
      String clusterId = Uuid.randomUuid().toString();
      String[] args = {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"};
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exitCode;
      try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        exitCode = StorageTool.execute(args, printStream);
      }
      String text = output.toString(StandardCharsets.UTF_8).strip();
      if (exitCode != 0) {
        throw new IllegalStateException(
            "formatting the Kafka log directory " + logDir() + " failed: " + text);
      }
      LOGGER.debug("kafka-storage format: {}", text);
    }
    return clusterId()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no cluster.id in "
                        + logDir().resolve(META_PROPERTIES_NAME)
                        + "; delete the data directory or restore meta.properties"));
  }

  Optional<ListenerPorts> previousPorts() {
    Path file = root.resolve(PORTS_FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = read(file);
    try {
      return Optional.of(
          new ListenerPorts(
              Integer.parseInt(properties.getProperty(BROKER_PORT_KEY, "")),
              Integer.parseInt(properties.getProperty(CONTROLLER_PORT_KEY, ""))));
    } catch (IllegalArgumentException e) {
      LOGGER.warn("ignoring unreadable {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  void rememberPorts(ListenerPorts ports) {
    Properties properties = new Properties();
    properties.setProperty(BROKER_PORT_KEY, Integer.toString(ports.broker()));
    properties.setProperty(CONTROLLER_PORT_KEY, Integer.toString(ports.controller()));
    write(root.resolve(PORTS_FILE_NAME), properties, "ports reused by the next start with port 0");
  }

  void delete() {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOGGER.warn("could not delete Kafka data directory {}: {}", root, e.toString());
    }
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return properties;
  }

  private void write(Path file, Properties properties, String comment) {
    try {
      Files.createDirectories(root);
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        properties.store(writer, comment);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + "; check the data directory", e);
    }
  }
}
