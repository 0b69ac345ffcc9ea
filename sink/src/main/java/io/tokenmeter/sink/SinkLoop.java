package io.tokenmeter.sink;

import io.tokenmeter.sink.batch.Batch;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.error.Backoff;
import io.tokenmeter.sink.error.ErrorClassifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer loop of one sink instance, single-threaded: poll, buffer per partition, write due
 * batches, commit what was written. Offsets are committed only after ClickHouse acknowledged the
 * rows: committing first would lose the rows if the sink died before the insert; writing first can
 * at worst re-send a batch after a crash, which the dedup token and the offset recovery drop.
 */
final class SinkLoop {

  private static final Logger LOGGER = LoggerFactory.getLogger(SinkLoop.class);

  private final Consumer<byte[], byte[]> consumer;
  private final BatchWriter batchWriter;
  private final SinkSettings settings;
  private final Clock clock;
  private final SinkMetrics metrics;
  private final ErrorClassifier classifier;
  private final Backoff backoff;
  private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
  private final PartitionRecovery recovery;
  private final SinkStatus status;
  private volatile boolean stopRequested;

  SinkLoop(
      Consumer<byte[], byte[]> consumer,
      BatchWriter batchWriter,
      PartitionRecovery recovery,
      SinkSettings settings,
      ErrorClassifier classifier,
      SinkMetrics metrics,
      SinkStatus status,
      Clock clock) {
    this.status = status;
    this.consumer = consumer;
    this.batchWriter = batchWriter;
    this.recovery = recovery;
    this.settings = settings;
    this.classifier = classifier;
    this.metrics = metrics;
    this.clock = clock;
    this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
  }

  void subscribe() {
    consumer.subscribe(settings.topics().all(), new Rebalances(this));
  }

  /** Runs until {@link #requestStop()}; then writes what is due once and commits. */
  void run() {
    try {
      while (!stopRequested && !Thread.currentThread().isInterrupted()) {
        pollOnce();
      }
    } catch (WakeupException e) {
      if (!stopRequested) {
        throw e;
      }
    }
    finalFlush();
  }

  void requestStop() {
    stopRequested = true;
    consumer.wakeup();
  }

  /** One iteration: recover new partitions, poll, write due batches, commit. */
  void pollOnce() {
    recoverNewPartitions();
    ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
    Instant now = clock.instant();
    for (TopicPartition partition : records.partitions()) {
      PartitionState state = partitions.get(partition);
      if (state == null) {
        continue; // revoked in this very poll; the next owner reads it again
      }
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        state.buffer.add(record, now);
      }
    }
    commit(writeDue(now, false));
    updateLag();
    status.polled(now, retryingPartitions());
  }

  private int retryingPartitions() {
    int retrying = 0;
    for (PartitionState state : partitions.values()) {
      if (state.failing()) {
        retrying++;
      }
    }
    return retrying;
  }

  private Map<TopicPartition, OffsetAndMetadata> writeDue(Instant now, boolean force) {
    Map<TopicPartition, OffsetAndMetadata> written = new LinkedHashMap<>();
    for (PartitionState state : partitions.values()) {
      if (!state.recovered) {
        continue;
      }
      state
          .buffer
          .takeSkipped()
          .ifPresent(
              skipped -> {
                metrics.skipped(skipped.count());
                written.put(state.buffer.partition(), new OffsetAndMetadata(skipped.nextOffset()));
              });
      writePartition(state, now, force, written);
    }
    return written;
  }

  private void writePartition(
      PartitionState state,
      Instant now,
      boolean force,
      Map<TopicPartition, OffsetAndMetadata> written) {
    while (true) {
      Batch batch = state.buffer.inFlight();
      if (batch == null) {
        boolean due =
            state.buffer.isDue(now, settings.maxBatchRows(), settings.maxBatchWait())
                || (force && state.buffer.waitingCount() > 0);
        if (!due) {
          return;
        }
        batch = state.buffer.cut(settings.maxBatchRows());
      } else if (state.backingOff(now)) {
        return;
      }
      try {
        batchWriter.write(batch);
      } catch (InterruptedException e) {
        // Someone wants this thread to stop: keep the batch (not committed) and leave.
        Thread.currentThread().interrupt();
        stopRequested = true;
        return;
      } catch (Exception e) {
        retryLater(state, batch, now, e);
        return;
      }
      state.buffer.completeInFlight();
      state.succeeded();
      metrics.batchWritten();
      written.put(batch.partition(), new OffsetAndMetadata(batch.nextOffset()));
      LOGGER.debug("Wrote {} ({} records)", batch.dedupToken(), batch.records().size());
      if (state.paused) {
        consumer.resume(List.of(batch.partition()));
        state.paused = false;
      }
    }
  }

  private void retryLater(PartitionState state, Batch batch, Instant now, Exception e) {
    int attempt = state.failed(now, backoff);
    metrics.retried();
    if (!state.paused) {
      // Stop fetching more for this partition while its batch waits: bounded memory.
      consumer.pause(List.of(batch.partition()));
      state.paused = true;
    }
    String unclassified = classifier.isUnclassified(e) ? " (unclassified error code)" : "";
    status.writeFailed("writing " + batch.dedupToken() + " failed: " + e.getMessage());
    LOGGER.warn(
        "Writing {} failed (attempt {}){}, retrying the same batch at {}: {}",
        batch.dedupToken(),
        attempt,
        unclassified,
        state.retryAt(),
        String.valueOf(e.getMessage()));
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // The rows are in ClickHouse; whoever reads these offsets again re-sends the same ranges,
      // which the dedup tokens and the offset recovery drop. Nothing is lost by going on.
      metrics.commitFailed();
      LOGGER.warn("Committing offsets {} failed: {}", offsets, e.getMessage());
    }
  }

  private void recoverNewPartitions() {
    Instant now = clock.instant();
    for (PartitionState state : partitions.values()) {
      if (state.recovered || state.backingOff(now)) {
        continue;
      }
      TopicPartition partition = state.partition();
      try {
        OptionalLong written = recovery.highestWrittenOffset(partition);
        if (written.isPresent()) {
          state.buffer.skipUpTo(written.getAsLong());
          LOGGER.info(
              "{}: ClickHouse already has offsets up to {}; records up to it are skipped",
              partition,
              written.getAsLong());
        }
        state.recovered = true;
        state.succeeded();
        consumer.resume(List.of(partition));
        state.paused = false;
      } catch (Exception e) {
        state.failed(now, backoff);
        metrics.retried();
        status.writeFailed(
            "reading how far " + partition + " is written failed: " + e.getMessage());
        LOGGER.warn("Cannot read how far {} is written yet: {}", partition, e.getMessage());
      }
    }
  }

  private void updateLag() {
    long total = 0;
    for (TopicPartition partition : partitions.keySet()) {
      OptionalLong lag = consumer.currentLag(partition);
      if (lag.isPresent()) {
        total += lag.getAsLong();
      }
    }
    metrics.lag(total);
  }

  private void finalFlush() {
    try {
      commit(writeDue(clock.instant(), true));
    } catch (RuntimeException e) {
      LOGGER.warn("Final write at shutdown failed; the next owner re-reads: {}", e.getMessage());
    }
  }

  void assigned(Collection<TopicPartition> assigned) {
    for (TopicPartition partition : assigned) {
      PartitionState state = new PartitionState(partition);
      partitions.put(partition, state);
      // Paused until recovery has read how far ClickHouse already has this partition.
      consumer.pause(List.of(partition));
      state.paused = true;
    }
    status.assigned(partitions.size());
    LOGGER.info("Assigned {}", assigned);
  }

  void revoked(Collection<TopicPartition> revoked) {
    for (TopicPartition partition : revoked) {
      PartitionState state = partitions.remove(partition);
      if (state != null && (state.buffer.waitingCount() > 0 || state.buffer.inFlight() != null)) {
        LOGGER.info(
            "Dropping {} buffered record(s) of revoked {}; its next owner reads them again",
            state.buffer.waitingCount()
                + (state.buffer.inFlight() == null ? 0 : state.buffer.inFlight().records().size()),
            partition);
      }
    }
    status.owned(partitions.size());
  }

  /** Partition states, for tests. */
  Map<TopicPartition, PartitionState> partitions() {
    return partitions;
  }
}
