package io.tokenmeter.processor.it;

import io.tokenmeter.processor.config.ProcessorSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the pipeline's topics the way deploy/k8s/create-topics.sh and the dev stack do, under
 * names unique to one test (a suffix), so tests can share one broker.
 *
 * <p>Why append time: test events carry fixed event times months in the past. On a topic that keeps
 * the producer's timestamp, every append then rolls a segment that time-based retention deletes at
 * its next check (every 5 minutes): a slow consumer finds its position out of range and records
 * vanish. That, not the processor, is what stalled earlier crash-test runs.
 */
final class TestTopics {
  private static final Set<String> COMPACTED_KEYS =
      Set.of(
          ProcessorSettings.TOPIC_PRICES,
          ProcessorSettings.TOPIC_BUDGETS,
          ProcessorSettings.TOPIC_BUDGET_STATE);

  private TestTopics() {}

  /** Settings values naming every topic {@code <default name><suffix>}. */
  static Map<String, String> names(String suffix) {
    Map<String, String> names = new HashMap<>();
    for (String key : ProcessorSettings.topicKeys()) {
      names.put(key, ProcessorSettings.defaults().get(key) + suffix);
    }
    return names;
  }

  static void create(Admin admin, ProcessorSettings settings, int partitions)
      throws InterruptedException, ExecutionException {
    List<NewTopic> topics =
        ProcessorSettings.topicKeys().stream()
            .map(key -> definition(key, settings.topic(key), partitions))
            .toList();
    admin.createTopics(topics).all().get();
  }

  private static NewTopic definition(String key, String name, int partitions) {
    NewTopic topic = new NewTopic(name, partitions, (short) 1);
    if (COMPACTED_KEYS.contains(key)) {
      return topic.configs(
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    return topic.configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
  }
}
