package io.tokenmeter.clickhouse.engine.chdb;

import static io.tokenmeter.clickhouse.engine.chdb.Requests.insert;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.sql;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.text;
import static io.tokenmeter.clickhouse.engine.chdb.Requests.withSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.clickhouse.engine.QueryException;
import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's request contract against the real libchdb.so, on one persistent engine. */
class ChdbEngineIT {

  @TempDir static Path dataDirectory;
  @TempDir static Path stagingDirectory;
  private static ChdbEngine engine;

  @BeforeAll
  static void open() {
    engine =
        ChdbEngine.open(
            ChdbEngineConfig.persistent(dataDirectory).withStagingDirectory(stagingDirectory));
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private static QueryException failure(QueryRequest request) {
    try {
      engine.execute(request);
    } catch (QueryException e) {
      return e;
    }
    throw new AssertionError("expected a QueryException from " + request.sql());
  }

  @Test
  void shouldReportTheEnginesVersionAndTimezone() throws QueryException {
    assertThat(engine.version())
        .startsWith("26.5.")
        .isEqualTo(text(engine, "SELECT version()").strip());
    assertThat(engine.timezone()).isNotBlank().isEqualTo(text(engine, "SELECT timezone()").strip());
  }

  @Test
  void shouldCreateATableInsertAndReadBackExactly() throws QueryException {
    engine.execute(
        sql("CREATE TABLE plain (id UInt64, name String) ENGINE = MergeTree ORDER BY id"));

    QueryResult written = engine.execute(sql("INSERT INTO plain VALUES (1, 'one'), (2, 'two')"));
    QueryResult read = engine.execute(sql("SELECT id, name FROM plain ORDER BY id"));

    assertThat(written.rowsWritten()).isEqualTo(2);
    assertThat(written.body()).isEmpty();
    assertThat(text(read)).isEqualTo("1\tone\n2\ttwo\n");
    assertThat(read.format()).isEqualTo(Requests.TEXT);
    assertThat(read.rowsRead()).isEqualTo(2);
    assertThat(read.bytesRead()).isPositive();
    assertThat(read.elapsedNanos()).isPositive();
  }

  @Test
  void shouldCountResultRowsApartFromTheRowsReadFromStorage() throws QueryException {
    engine.execute(sql("CREATE TABLE counted (id UInt64) ENGINE = MergeTree ORDER BY id"));
    engine.execute(sql("INSERT INTO counted SELECT number FROM numbers(5)"));

    QueryResult summed = engine.execute(sql("SELECT sum(id) FROM counted"));
    QueryResult binary =
        engine.execute(
            new QueryRequest(
                "SELECT id FROM counted WHERE id % 2 = 0 ORDER BY id",
                "default", "RowBinaryWithNamesAndTypes", Map.of(), null));
    QueryResult inserted = engine.execute(sql("INSERT INTO counted VALUES (7)"));
    QueryResult insertedData =
        engine.execute(
            insert(
                "INSERT INTO counted FORMAT TSV",
                "8\n9\n".getBytes(StandardCharsets.UTF_8),
                Map.of()));

    assertThat(text(summed)).isEqualTo("10\n");
    assertThat(summed.resultRows()).isEqualTo(1);
    assertThat(summed.rowsRead()).isEqualTo(5);
    assertThat(binary.resultRows()).isEqualTo(3);
    assertThat(inserted.resultRows()).isZero();
    assertThat(insertedData.resultRows()).isEqualTo(2);
    assertThat(insertedData.rowsWritten()).isEqualTo(2);
  }

  @Test
  void shouldInsertRowBinaryWithAwkwardBytesExactlyAndDeleteTheStagedFile() throws Exception {
    engine.execute(
        sql("CREATE TABLE awkward (id UInt64, payload String) ENGINE = MergeTree ORDER BY id"));
    byte[] awkward = {0x0A, 0x00, 0x0D, 0x27, 0x5C, 0x22, 0x60, (byte) 0xFF};
    RowBinary rows = new RowBinary();
    // Ids whose little-endian bytes are themselves newlines, NULs and quotes.
    long[] ids = {0x0A, 0x0A0A, 0x0D00, 0x275C, 0x5C27_0A0D_0000L};
    for (long id : ids) {
      rows.uint64(id).bytes(awkward);
    }

    QueryResult written =
        engine.execute(
            insert(
                "INSERT INTO awkward (id, payload) FORMAT RowBinary",
                rows.toByteArray(),
                Map.of()));
    QueryResult read =
        engine.execute(
            new QueryRequest(
                "SELECT id, payload FROM awkward ORDER BY id",
                "default",
                "RowBinary",
                Map.of(),
                null));

    assertThat(written.rowsWritten()).isEqualTo(ids.length);
    assertThat(read.body()).isEqualTo(rows.toByteArray());
    try (Stream<Path> staged = Files.list(stagingDirectory)) {
      assertThat(staged).isEmpty();
    }
  }

  @Test
  void shouldTakeInsertDataWithoutFormatClauseAsStatementText() throws QueryException {
    engine.execute(sql("CREATE TABLE valued (id UInt64) ENGINE = MergeTree ORDER BY id"));

    QueryResult written =
        engine.execute(
            insert(
                "INSERT INTO valued VALUES",
                "(7), (8)".getBytes(StandardCharsets.UTF_8),
                Map.of()));

    assertThat(written.rowsWritten()).isEqualTo(2);
    assertThat(text(engine, "SELECT id FROM valued ORDER BY id")).isEqualTo("7\n8\n");
  }

  @Test
  void shouldReportASyntaxErrorWithCode62() {
    QueryException error = failure(sql("SELEC 1"));

    assertThat(error.code()).isEqualTo(62);
    assertThat(error.getMessage()).startsWith("Code: 62. DB::Exception:");
  }

  @Test
  void shouldReportAnUnknownTableWithCode60() {
    assertThat(failure(sql("SELECT * FROM no_such_table")).code()).isEqualTo(60);
  }

  @Test
  void shouldReportTheFormatClauseOfTheStatementOverTheRequestedOne() throws QueryException {
    QueryResult own = engine.execute(sql("SELECT 1 AS x FORMAT JSONEachRow"));
    QueryResult quoted = engine.execute(sql("SELECT 'FORMAT JSONEachRow' AS x"));

    assertThat(own.format()).isEqualTo("JSONEachRow");
    assertThat(text(own)).isEqualTo("{\"x\":1}\n");
    assertThat(quoted.format()).isEqualTo(Requests.TEXT);
    assertThat(text(quoted)).isEqualTo("FORMAT JSONEachRow\n");
  }

  @Test
  void shouldApplySettingsToOneQueryOnly() throws QueryException {
    String settings =
        "SELECT name, value FROM system.settings"
            + " WHERE name IN ('max_threads', 'async_insert', 'insert_deduplication_token')"
            + " ORDER BY name";
    String before = text(engine, settings);

    QueryResult during =
        engine.execute(
            withSettings(
                settings,
                Map.of(
                    "max_threads", "3",
                    "async_insert", "0",
                    "insert_deduplication_token", "t-1",
                    "wait_end_of_query", "1")));

    assertThat(text(during))
        .isEqualTo("async_insert\t0\ninsert_deduplication_token\tt-1\nmax_threads\t3\n");
    assertThat(text(engine, settings)).isEqualTo(before).isNotEqualTo(text(during));
  }

  @Test
  void shouldRejectAnUnknownSettingWithCode115AndApplyNoneOfTheOthers() throws QueryException {
    String maxThreads = "SELECT value FROM system.settings WHERE name = 'max_threads'";
    String before = text(engine, maxThreads);

    QueryException error =
        failure(withSettings("SELECT 1", Map.of("max_threads", "3", "no_such_setting", "1")));

    assertThat(error.code()).isEqualTo(115);
    assertThat(text(engine, maxThreads)).isEqualTo(before);
  }

  @Test
  void shouldNotLetSetOrUseStatementsOutliveTheirRequest() throws QueryException {
    engine.execute(sql("CREATE DATABASE IF NOT EXISTS scratch"));
    String maxThreads = "SELECT value FROM system.settings WHERE name = 'max_threads'";
    String before = text(engine, maxThreads);

    engine.execute(sql("SET max_threads = 3"));
    engine.execute(sql("USE scratch"));

    assertThat(text(engine, maxThreads)).isEqualTo(before);
    assertThat(text(engine, "SELECT currentDatabase()")).isEqualTo("default\n");
  }

  @Test
  void shouldResolveUnqualifiedNamesInTheRequestsDatabaseOnly() throws QueryException {
    engine.execute(sql("CREATE DATABASE IF NOT EXISTS billing"));
    engine.execute(
        new QueryRequest(
            "CREATE TABLE spend (id UInt64) ENGINE = MergeTree ORDER BY id",
            "billing",
            Requests.TEXT,
            Map.of(),
            null));
    engine.execute(
        new QueryRequest(
            "INSERT INTO spend VALUES (42)", "billing", Requests.TEXT, Map.of(), null));

    QueryResult inBilling =
        engine.execute(
            new QueryRequest("SELECT id FROM spend", "billing", Requests.TEXT, Map.of(), null));

    assertThat(text(inBilling)).isEqualTo("42\n");
    assertThat(failure(sql("SELECT id FROM spend")).code()).isEqualTo(60);
    assertThat(text(engine, "SELECT currentDatabase()")).isEqualTo("default\n");
    assertThat(
            failure(new QueryRequest("SELECT 1", "no_such_db", Requests.TEXT, Map.of(), null))
                .code())
        .isEqualTo(81);
  }

  @Test
  void shouldStoreOneCopyWhenTheSameDeduplicationTokenIsInsertedTwice() throws QueryException {
    engine.execute(
        sql(
            "CREATE TABLE dedup (id UInt64) ENGINE = MergeTree ORDER BY id"
                + " SETTINGS non_replicated_deduplication_window = 100"));
    byte[] rows = new RowBinary().uint64(1).uint64(2).uint64(3).toByteArray();
    Map<String, String> token =
        Map.of("insert_deduplication_token", "batch-1", "async_insert", "0");

    engine.execute(insert("INSERT INTO dedup FORMAT RowBinary", rows, token));
    engine.execute(insert("INSERT INTO dedup FORMAT RowBinary", rows, token));
    engine.execute(
        insert(
            "INSERT INTO dedup FORMAT RowBinary",
            rows,
            Map.of("insert_deduplication_token", "batch-2")));

    assertThat(text(engine, "SELECT count(), sum(id) FROM dedup")).isEqualTo("6\t12\n");
  }

  @Test
  void shouldListNoStagedFilesAfterAFailedInsert() throws IOException {
    QueryException error =
        failure(
            insert("INSERT INTO no_such_table FORMAT RowBinary", new byte[] {1, 2, 3}, Map.of()));

    assertThat(error.code()).isEqualTo(60);
    try (Stream<Path> staged = Files.list(stagingDirectory)) {
      assertThat(staged).isEmpty();
    }
  }
}
