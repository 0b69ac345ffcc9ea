package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

  private static final ListenerPorts PORTS = new ListenerPorts(19092, 19093);
  private static final Path LOG_DIR = Path.of("/data/kafka/kraft-combined-logs");

  @Test
  void shouldConfigureOneCombinedNodeOnTheChosenPorts() {
    Map<String, String> properties =
        BrokerProperties.of(EmbeddedKafka.builder().settings(), PORTS, LOG_DIR);

    assertThat(properties)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
        .containsEntry("log.dirs", LOG_DIR.toString());
  }

  @Test
  void shouldMakeTransactionsAndGroupsWorkOnASingleNode() {
    Map<String, String> properties =
        BrokerProperties.of(EmbeddedKafka.builder().settings(), PORTS, LOG_DIR);

    assertThat(properties)
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0");
  }

  @Test
  void shouldLetExtraPropertiesWinAndUseTheDefaultPartitions() {
    EmbeddedKafkaSettings settings =
        EmbeddedKafka.builder()
            .defaultPartitions(6)
            .brokerProperty("log.segment.bytes", "1048576")
            .brokerProperty("auto.create.topics.enable", "false")
            .settings();

    Map<String, String> properties = BrokerProperties.of(settings, PORTS, LOG_DIR);

    assertThat(properties)
        .containsEntry("num.partitions", "6")
        .containsEntry("log.segment.bytes", "1048576")
        .containsEntry("auto.create.topics.enable", "false");
  }

  @Test
  void shouldBeAConfigurationKafkaAccepts() {
    KafkaConfig config =
        new KafkaConfig(BrokerProperties.of(EmbeddedKafka.builder().settings(), PORTS, LOG_DIR));

    assertThat(config.nodeId()).isEqualTo(1);
    assertThat(config.logDirs()).containsExactly(LOG_DIR.toString());
  }
}
