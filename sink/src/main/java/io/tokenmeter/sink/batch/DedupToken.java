package io.tokenmeter.sink.batch;

import org.apache.kafka.common.TopicPartition;

/**
 * ClickHouse {@code insert_deduplication_token} of a batch: a pure function of topic, partition and
 * offset range, so the same range always gets the same token and a re-sent batch is dropped by the
 * table (within {@code non_replicated_deduplication_window} blocks).
 */
public final class DedupToken {

  static final String PREFIX = "tokenmeter-sink";

  private DedupToken() {}

  /** E.g. {@code tokenmeter-sink/tokenmeter.priced-usage.v1/3/1200-1299}. */
  public static String of(TopicPartition partition, long firstOffset, long lastOffset) {
    if (firstOffset < 0 || lastOffset < firstOffset) {
      throw new IllegalArgumentException(
          "offset range " + firstOffset + ".." + lastOffset + " is empty or negative");
    }
    // '/' cannot occur in a Kafka topic name ([a-zA-Z0-9._-]), so the parts cannot run together.
    return PREFIX
        + '/'
        + partition.topic()
        + '/'
        + partition.partition()
        + '/'
        + firstOffset
        + '-'
        + lastOffset;
  }
}
