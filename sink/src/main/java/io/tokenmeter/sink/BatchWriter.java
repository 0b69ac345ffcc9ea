package io.tokenmeter.sink;

import io.tokenmeter.sink.batch.Batch;
import io.tokenmeter.sink.batch.DedupToken;
import io.tokenmeter.sink.error.ErrorClassifier;
import io.tokenmeter.sink.error.ErrorKind;
import io.tokenmeter.sink.row.RecordConverter;
import io.tokenmeter.sink.row.Row;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.sink.writer.RowWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch: converts its records, inserts the dead letters, then the table's rows, each as
 * one block with the batch's token. Throws on a retriable failure; the caller retries the same
 * batch, whose blocks then carry the same tokens, so whatever landed before is dropped.
 *
 * <p>Dead letters go first because the table's rows are the progress marker: after a crash the sink
 * skips offsets up to {@code max(kafka_offset)} of the table, which must not pass a poison record
 * whose dead letter is not yet stored.
 */
final class BatchWriter {

  private static final Logger LOGGER = LoggerFactory.getLogger(BatchWriter.class);

  private final RecordConverter converter;
  private final RowWriter writer;
  private final ErrorClassifier classifier;
  private final SinkMetrics metrics;

  BatchWriter(
      RecordConverter converter,
      RowWriter writer,
      ErrorClassifier classifier,
      SinkMetrics metrics) {
    this.converter = converter;
    this.writer = writer;
    this.classifier = classifier;
    this.metrics = metrics;
  }

  /**
   * @throws Exception a retriable failure (anything classified POISON is dead-lettered instead)
   */
  void write(Batch batch) throws Exception {
    SinkTable table = converter.tableFor(batch.partition().topic());
    List<Row> rows = new ArrayList<>(batch.records().size());
    List<Row> deadLetters = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : batch.records()) {
      Row row = converter.convert(record);
      (row.table() == table ? rows : deadLetters).add(row);
    }
    if (table == SinkTable.DEAD_LETTERS) {
      // The dead-letter topic's own poison joins its rows: one table, one block, one token.
      rows.addAll(deadLetters);
      rows.sort((a, b) -> Long.compare(a.offset(), b.offset()));
      deadLetters.clear();
    }
    insertDeadLetters(deadLetters, batch.dedupToken());
    try {
      insert(table, rows, batch.dedupToken());
    } catch (Exception e) {
      if (classifier.classify(e) != ErrorKind.POISON) {
        throw e;
      }
      LOGGER.warn(
          "{} rejected batch {} as invalid ({}); inserting its rows one by one",
          table.tableName(),
          batch.dedupToken(),
          e.getMessage());
      insertOneByOne(batch, table, rows);
    }
  }

  /**
   * Finds the rows ClickHouse rejects. Each row is its own block with the token of its one-offset
   * range, so a retry of this batch (same rows) sends the same tokens.
   */
  private void insertOneByOne(Batch batch, SinkTable table, List<Row> rows) throws Exception {
    for (Row row : rows) {
      String token = DedupToken.of(batch.partition(), row.offset(), row.offset());
      try {
        insert(table, List.of(row), token);
      } catch (Exception e) {
        if (classifier.classify(e) != ErrorKind.POISON) {
          throw e;
        }
        ConsumerRecord<byte[], byte[]> record = recordAt(batch, row.offset());
        Row deadLetter =
            converter.deadLetter(
                record, classifier.deadLetterReason(e), String.valueOf(e.getMessage()), e);
        insertDeadLetters(List.of(deadLetter), token);
      }
    }
  }

  private void insert(SinkTable table, List<Row> rows, String token) throws Exception {
    if (rows.isEmpty()) {
      return;
    }
    writer.insert(table, rows, token);
    metrics.addRows(table, rows.size());
  }

  private void insertDeadLetters(List<Row> deadLetters, String token) throws Exception {
    if (deadLetters.isEmpty()) {
      return;
    }
    insert(SinkTable.DEAD_LETTERS, deadLetters, token);
    metrics.deadLettered(deadLetters.size());
    LOGGER.warn("Dead-lettered {} record(s) of {}", deadLetters.size(), token);
  }

  private static ConsumerRecord<byte[], byte[]> recordAt(Batch batch, long offset) {
    for (ConsumerRecord<byte[], byte[]> record : batch.records()) {
      if (record.offset() == offset) {
        return record;
      }
    }
    throw new IllegalStateException("offset " + offset + " is not in batch " + batch.dedupToken());
  }
}
