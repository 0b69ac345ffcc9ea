package io.tokenmeter.sink;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps the loop's partition state in step with the group: revoked or lost partitions drop what is
 * buffered (not written, not committed: the next owner reads it again from the committed offset);
 * assigned partitions start empty and paused until their written offset is recovered.
 */
final class Rebalances implements ConsumerRebalanceListener {

  private final SinkLoop loop;

  Rebalances(SinkLoop loop) {
    this.loop = loop;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    loop.revoked(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    loop.revoked(partitions);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    loop.assigned(partitions);
  }
}
