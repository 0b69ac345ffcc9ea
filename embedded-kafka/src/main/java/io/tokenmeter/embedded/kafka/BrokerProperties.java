package io.tokenmeter.embedded.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration of a single combined broker+controller KRaft node. */
final class BrokerProperties {

  static final String NODE_ID = "1";
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** Small but not tiny: segments roll in tests without thousands of files in long dev runs. */
  static final String SEGMENT_BYTES = Integer.toString(16 * 1024 * 1024);

  /**
   * The log cleaner allocates this buffer on the heap up front (128 MiB by default); 8 MiB is
   * plenty for the compacted topics of one developer machine.
   */
  static final String CLEANER_DEDUPE_BUFFER_BYTES = Integer.toString(8 * 1024 * 1024);

  /** Internal topics default to 50 partitions, which only slows the first group or transaction. */
  static final String INTERNAL_TOPIC_PARTITIONS = "4";

  private BrokerProperties() {}

  /** Embedded defaults first, then the caller's extra properties, which win. */
  static Map<String, String> of(EmbeddedKafkaSettings settings, ListenerPorts ports, Path logDir) {
    String host = settings.host();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("process.roles", "broker,controller");
    properties.put("node.id", NODE_ID);
    properties.put(
        "listeners",
        BROKER_LISTENER
            + "://"
            + host
            + ":"
            + ports.broker()
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + host
            + ":"
            + ports.controller());
    properties.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + ports.broker());
    properties.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    properties.put("controller.listener.names", CONTROLLER_LISTENER);
    properties.put("inter.broker.listener.name", BROKER_LISTENER);
    // A static one-voter quorum: the controller port may change between runs without reformatting.
    properties.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + ports.controller());
    properties.put("log.dirs", logDir.toString());
    properties.put("num.partitions", Integer.toString(settings.defaultPartitions()));

    // One node: every internal topic must be satisfiable with a single replica, or consumer
    // groups, transactions (exactly_once_v2) and share groups never become available.
    properties.put("default.replication.factor", "1");
    properties.put("min.insync.replicas", "1");
    properties.put("offsets.topic.replication.factor", "1");
    properties.put("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    properties.put("transaction.state.log.replication.factor", "1");
    properties.put("transaction.state.log.min.isr", "1");
    properties.put("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    properties.put("share.coordinator.state.topic.replication.factor", "1");
    properties.put("share.coordinator.state.topic.min.isr", "1");
    // Nobody else will join: waiting for more group members only delays every test.
    properties.put("group.initial.rebalance.delay.ms", "0");

    properties.put("log.segment.bytes", SEGMENT_BYTES);
    properties.put("log.cleaner.dedupe.buffer.size", CLEANER_DEDUPE_BUFFER_BYTES);

    properties.putAll(settings.brokerProperties());
    return properties;
  }
}
