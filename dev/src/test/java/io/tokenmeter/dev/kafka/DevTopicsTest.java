package io.tokenmeter.dev.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.topology.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class DevTopicsTest {

  private static final Map<String, Map<String, String>> CONFIGS =
      DevTopics.definitions().stream().collect(Collectors.toMap(NewTopic::name, NewTopic::configs));

  @Test
  void shouldCreateEveryPipelineTopic() {
    assertThat(CONFIGS.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all());
  }

  @Test
  void shouldCompactTheTopicsThatStandForTables() {
    for (String topic : DevTopics.COMPACTED) {
      assertThat(CONFIGS.get(topic)).containsEntry("cleanup.policy", "compact");
    }
  }

  @Test
  void shouldCountRetentionFromAppendTimeOnEventStreams() {
    assertThat(CONFIGS.get(Topics.PRICED_USAGE))
        .containsEntry("message.timestamp.type", "LogAppendTime");
    assertThat(CONFIGS.get(Topics.USAGE)).containsEntry("message.timestamp.type", "LogAppendTime");
    assertThat(CONFIGS.get(Topics.PRICES)).doesNotContainKey("message.timestamp.type");
  }
}
