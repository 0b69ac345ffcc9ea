package io.tokenmeter.dev.kafka;

import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import io.tokenmeter.processor.topology.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the pipeline's topics; the ones that stand for tables are compacted. */
public final class DevTopics {

  /** Latest value per key is what these topics mean (prices, budgets, budget state). */
  public static final Set<String> COMPACTED =
      Set.of(Topics.PRICES, Topics.BUDGETS, Topics.BUDGET_STATE);

  /** One broker, so one partition each: enough for the dev pipeline and keeps start-up fast. */
  static final int PARTITIONS = 1;

  private DevTopics() {}

  /** The topics to create, compacted where {@link #COMPACTED} says. */
  public static List<NewTopic> definitions() {
    return Topics.all().stream().map(DevTopics::definition).toList();
  }

  /** Creates the missing ones; existing topics are kept as they are. */
  public static void create(EmbeddedKafka kafka) {
    kafka.createTopics(definitions());
  }

  private static NewTopic definition(String name) {
    NewTopic topic = new NewTopic(name, PARTITIONS, (short) 1);
    if (COMPACTED.contains(name)) {
      topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    } else {
      // Producers stamp records with the usage's event time. Time-based retention on such a topic
      // would delete a backfilled (old) event before a lagging consumer reads it, so retention
      // counts from when the broker appended the record instead.
      topic.configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
    }
    return topic;
  }
}
