package io.tokenmeter.cli.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes keyed records to one topic and waits until the broker acknowledged every one. */
public final class TopicWriter {

  private final Producer<String, SpecificRecord> producer;
  private final String topic;
  private final ConnectionSettings settings;

  public TopicWriter(
      Producer<String, SpecificRecord> producer, String topic, ConnectionSettings settings) {
    this.producer = producer;
    this.topic = topic;
    this.settings = settings;
  }

  /**
   * Sends every entry (a null value is a tombstone), in order, and returns once all are
   * acknowledged.
   *
   * @return the number of records written
   * @throws CliFailure naming the first record that failed and what to check
   */
  public int write(List<Map.Entry<String, SpecificRecord>> records) {
    List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
    try {
      for (Map.Entry<String, SpecificRecord> entry : records) {
        acks.add(producer.send(new ProducerRecord<>(topic, entry.getKey(), entry.getValue())));
      }
      producer.flush();
      for (int i = 0; i < acks.size(); i++) {
        await(acks.get(i), records.get(i).getKey());
      }
      return acks.size();
    } catch (RuntimeException e) {
      if (e instanceof CliFailure failure) {
        throw failure;
      }
      throw KafkaFailures.describe(e, settings, "publish to " + topic);
    }
  }

  private void await(Future<RecordMetadata> ack, String key) {
    try {
      ack.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted while publishing " + key + " to " + topic, e);
    } catch (ExecutionException e) {
      throw KafkaFailures.describe(e, settings, "publish " + key + " to " + topic);
    }
  }
}
