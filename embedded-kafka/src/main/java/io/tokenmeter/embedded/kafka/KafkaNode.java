package io.tokenmeter.embedded.kafka;

import java.time.Duration;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the combined KRaft node on a locked data directory: started once, stopped once. {@link
 * EmbeddedKafka} owns the lifecycle around it.
 */
final class KafkaNode {

  private static final Logger LOGGER = LoggerFactory.getLogger(KafkaNode.class);

  private final KafkaRaftServer server;
  private final DataDirLock lock;
  private final ListenerPorts ports;
  private final String bootstrapServers;
  private final String clusterId;

  private KafkaNode(
      KafkaRaftServer server,
      DataDirLock lock,
      ListenerPorts ports,
      String bootstrapServers,
      String clusterId) {
    this.server = server;
    this.lock = lock;
    this.ports = ports;
    this.bootstrapServers = bootstrapServers;
    this.clusterId = clusterId;
  }

  /**
   * Locks and, if new, formats the data directory, starts the node and returns once it answers an
   * admin describeCluster call. On any failure whatever was started is stopped again.
   */
  static KafkaNode start(EmbeddedKafkaSettings settings, KafkaDataDir dataDir)
      throws InterruptedException {
    long began = System.nanoTime();
    DataDirLock lock = DataDirLock.acquire(dataDir.root());
    KafkaNode node = null;
    try {
      ListenerPorts ports =
          ListenerPorts.choose(settings.host(), settings.port(), dataDir.previousPorts());
      Map<String, String> properties = BrokerProperties.of(settings, ports, dataDir.logDir());
      String clusterId = dataDir.prepare(properties);
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
      node = new KafkaNode(server, lock, ports, settings.host() + ":" + ports.broker(), clusterId);
      if (!BoundedTask.run("embedded-kafka-startup", server::startup, settings.startTimeout())) {
        throw new IllegalStateException(
            "Kafka did not start within " + settings.startTimeout() + "; see the broker log");
      }
      dataDir.rememberPorts(ports);
      Duration remaining = settings.startTimeout().minusNanos(System.nanoTime() - began);
      KafkaAdminCalls.awaitAcceptingClients(node.bootstrapServers, atLeastOneMilli(remaining));
      return node;
    } catch (InterruptedException | RuntimeException | Error e) {
      if (node != null) {
        node.stop(settings.closeTimeout());
      } else {
        lock.close();
      }
      throw e;
    }
  }

  /**
   * Stops the node, waiting at most {@code timeout}; a node still stopping after that finishes on a
   * daemon thread and a warning is logged. Releases the data directory lock either way.
   */
  void stop(Duration timeout) {
    long began = System.nanoTime();
    Runnable shutdown =
        () -> {
          server.shutdown();
          server.awaitShutdown();
        };
    try {
      if (BoundedTask.run("embedded-kafka-shutdown", shutdown, timeout)) {
        LOGGER.info("Kafka stopped in {} ms", (System.nanoTime() - began) / 1_000_000);
      } else {
        LOGGER.warn("Kafka did not stop within {}; continuing without it", timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOGGER.warn("interrupted while stopping Kafka; it keeps stopping in the background");
    } catch (RuntimeException e) {
      LOGGER.warn("Kafka shutdown failed", e);
    } finally {
      lock.close();
    }
  }

  ListenerPorts ports() {
    return ports;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  String clusterId() {
    return clusterId;
  }

  private static Duration atLeastOneMilli(Duration duration) {
    return duration.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : duration;
  }
}
