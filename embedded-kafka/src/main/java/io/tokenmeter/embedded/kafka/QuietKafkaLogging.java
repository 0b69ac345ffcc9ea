package io.tokenmeter.embedded.kafka;

import java.util.Map;

/**
 * Keeps the in-process broker quiet when the host logs through slf4j-simple (as this project's
 * tests do). Kafka 4.3 logs through slf4j only (log4j-core is on its classpath solely for its
 * dynamic log-level MBean), so the host's slf4j binding decides what is printed; at INFO the broker
 * writes hundreds of lines per start. slf4j-simple reads a logger's level from system properties
 * when the logger is first created, so setting them before the first broker class loads is enough.
 * Levels someone already set win; other slf4j bindings ignore these properties.
 */
final class QuietKafkaLogging {

  static final String PREFIX = "org.slf4j.simpleLogger.log.";

  static final Map<String, String> LEVELS =
      Map.of(
          // Scala broker classes (kafka.server, kafka.log, ...).
          "kafka",
          "warn",
          // The broker's partition state transitions, one INFO line per partition change.
          "state.change.logger",
          "warn",
          // Java broker, controller, raft, coordinators, and the clients the broker uses itself.
          "org.apache.kafka",
          "warn",
          // Logs its routine first activation at WARN on every fresh data directory.
          "org.apache.kafka.controller.QuorumController",
          "error");

  private QuietKafkaLogging() {}

  static void applyUnlessConfigured() {
    LEVELS.forEach(
        (logger, level) -> {
          if (System.getProperty(PREFIX + logger) == null) {
            System.setProperty(PREFIX + logger, level);
          }
        });
  }
}
