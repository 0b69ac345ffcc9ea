package io.tokenmeter.cli.common;

import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

/** Reads and writes the CLI's compacted topics, one client per call, closed afterwards. */
public final class TopicAccess {

  private final CliContext context;
  private final ConnectionSettings settings;

  TopicAccess(CliContext context, ConnectionSettings settings) {
    this.context = context;
    this.settings = settings;
  }

  /** The table a compacted topic stands for: latest value per key, tombstoned keys dropped. */
  public <V extends SpecificRecord> Map<String, V> readLatest(String topic, Class<V> type) {
    try (Consumer<String, V> consumer = context.kafka().consumer(settings, type)) {
      return new CompactedTopicReader(context.clock(), context.readTimeout())
          .readLatest(consumer, topic);
    } catch (KafkaException e) {
      throw KafkaFailures.describe(e, settings, "read " + topic);
    }
  }

  /**
   * Creates the topic compacted if missing, then publishes every record (null value = tombstone)
   * and waits for all acknowledgements.
   *
   * @return records written
   */
  public int publish(String topic, List<Map.Entry<String, SpecificRecord>> records) {
    context.kafka().ensureCompactedTopic(settings, topic);
    try (Producer<String, SpecificRecord> producer = context.kafka().producer(settings)) {
      return new TopicWriter(producer, topic, settings).write(records);
    } catch (KafkaException e) {
      throw KafkaFailures.describe(e, settings, "publish to " + topic);
    }
  }
}
