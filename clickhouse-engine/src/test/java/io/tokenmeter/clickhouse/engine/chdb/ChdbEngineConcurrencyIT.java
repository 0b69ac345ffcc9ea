package io.tokenmeter.clickhouse.engine.chdb;

import static io.tokenmeter.clickhouse.engine.chdb.Requests.sql;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.clickhouse.engine.QueryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Eight threads at once, each with its own database and settings per request: every result must be
 * its own, and the session must be back to its start state afterwards.
 */
class ChdbEngineConcurrencyIT {

  private static final int THREADS = 8;
  private static final int BATCHES = 20;
  private static final int ROWS_PER_BATCH = 10;

  @Test
  void shouldServeEightThreadsWithoutMixingTheirRequests() throws Exception {
    try (ChdbEngine engine = ChdbEngine.openInMemory()) {
      String settingsProbe =
          "SELECT value FROM system.settings WHERE name IN ('max_threads', 'insert_deduplication_token')";
      String before = text(engine, settingsProbe);
      for (int t = 0; t < THREADS; t++) {
        engine.execute(sql("CREATE DATABASE worker" + t));
        engine.execute(
            sql("CREATE TABLE worker" + t + ".rows (id UInt64) ENGINE = MergeTree ORDER BY id"));
      }
      List<Future<Void>> results = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
        for (int t = 0; t < THREADS; t++) {
          int worker = t;
          results.add(pool.submit(() -> work(engine, worker)));
        }
        for (Future<Void> result : results) {
          result.get(60, TimeUnit.SECONDS);
        }
      }

      long rows = (long) THREADS * BATCHES * ROWS_PER_BATCH;
      assertThat(text(engine, "SELECT count() FROM merge(REGEXP('^worker'), '^rows$')"))
          .isEqualTo(rows + "\n");
      assertThat(text(engine, "SELECT currentDatabase()")).isEqualTo("default\n");
      assertThat(text(engine, settingsProbe)).isEqualTo(before);
    }
  }

  private static Void work(ChdbEngine engine, int worker) throws Exception {
    String database = "worker" + worker;
    long sum = 0;
    for (int batch = 0; batch < BATCHES; batch++) {
      RowBinary rows = new RowBinary();
      for (int row = 0; row < ROWS_PER_BATCH; row++) {
        long id = (long) worker * 1_000_000 + batch * ROWS_PER_BATCH + row;
        rows.uint64(id);
        sum += id;
      }
      Map<String, String> settings =
          Map.of(
              "insert_deduplication_token",
              database + "-" + batch,
              "max_threads",
              String.valueOf(2 + worker % 2));
      engine.execute(
          new QueryRequest(
              "INSERT INTO rows FORMAT RowBinary",
              database,
              Requests.TEXT,
              settings,
              rows.toByteArray()));
      String seen =
          Requests.text(
              engine.execute(
                  new QueryRequest(
                      "SELECT count(), sum(id), currentDatabase(), getSetting('max_threads') FROM rows",
                      database,
                      Requests.TEXT,
                      Map.of("max_threads", String.valueOf(3 + worker % 2)),
                      null)));
      assertThat(seen)
          .isEqualTo(
              (batch + 1) * ROWS_PER_BATCH
                  + "\t"
                  + sum
                  + "\t"
                  + database
                  + "\t"
                  + (3 + worker % 2)
                  + "\n");
    }
    return null;
  }
}
