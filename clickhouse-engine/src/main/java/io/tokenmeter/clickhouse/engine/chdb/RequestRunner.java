package io.tokenmeter.clickhouse.engine.chdb;

import io.tokenmeter.clickhouse.engine.QueryException;
import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link QueryRequest} on the connection with the statelessness of ClickHouse's HTTP
 * interface: the request's database and settings hold for that request only, and a {@code USE} or
 * {@code SET} statement in the SQL does not outlive it either. Between requests the session is in
 * database {@value #DEFAULT_DATABASE} with its start-up settings. Callers serialize calls.
 */
final class RequestRunner {

  static final String DEFAULT_DATABASE = "default";

  private static final Logger LOGGER = LoggerFactory.getLogger(RequestRunner.class);

  private final ChdbConnection connection;
  private final SessionSettings sessionSettings;
  private final Path stagingDirectory;

  RequestRunner(ChdbConnection connection, SessionSettings sessionSettings, Path stagingDirectory) {
    this.connection = connection;
    this.sessionSettings = sessionSettings;
    this.stagingDirectory = stagingDirectory;
  }

  QueryResult run(QueryRequest request) throws QueryException {
    SqlStatement statement = new SqlStatement(request.sql());
    Map<String, String> settings = SessionSettings.applicable(request.settings());
    // A blank database is what a client sends when it names none: the server's default.
    boolean otherDatabase =
        !request.database().isBlank() && !request.database().equals(DEFAULT_DATABASE);
    boolean settingsApplied = false;
    try {
      if (otherDatabase) {
        connection.queryText("USE " + quoteIdentifier(request.database()));
      }
      if (!settings.isEmpty()) {
        // One SET for all: ClickHouse applies none of them when one is unknown (code 115).
        connection.queryText(SessionSettings.setStatement(settings));
        settingsApplied = true;
      }
      return execute(statement, request);
    } finally {
      restore(statement, settingsApplied ? settings : Map.of(), otherDatabase);
    }
  }

  private QueryResult execute(SqlStatement statement, QueryRequest request) throws QueryException {
    Optional<SqlStatement.FormatClause> ownFormat = statement.trailingFormat();
    String resultFormat =
        ownFormat.isPresent() && !statement.isInsert()
            ? ownFormat.get().name()
            : request.outputFormat();
    ChdbResult result;
    if (request.inputData() == null) {
      result = connection.query(utf8(request.sql()), request.outputFormat());
    } else if (statement.isInsert() && ownFormat.isPresent()) {
      try (InfileInsert insert =
          InfileInsert.create(stagingDirectory, statement, ownFormat.get(), request.inputData())) {
        result = connection.query(utf8(insert.sql()), request.outputFormat());
      }
    } else {
      // No FORMAT clause (e.g. INSERT ... VALUES): a server reads the body as the rest of the
      // statement text, so do the same.
      result =
          connection.query(
              concat(utf8(request.sql() + "\n"), request.inputData()), request.outputFormat());
    }
    if (result.failed()) {
      throw ChdbErrors.toException(result.error());
    }
    return new QueryResult(
        result.body(),
        resultFormat,
        result.resultRows(),
        result.storageRowsRead(),
        result.storageBytesRead(),
        result.rowsWritten(),
        Math.round(result.elapsedSeconds() * 1e9));
  }

  private void restore(SqlStatement statement, Map<String, String> applied, boolean otherDatabase) {
    try {
      if (!applied.isEmpty()) {
        connection.queryText(sessionSettings.resetStatement(applied.keySet()));
      }
      if (statement.leadingKeyword().equals("SET")) {
        List<String> changed = changedSettings();
        if (!changed.isEmpty()) {
          connection.queryText(sessionSettings.resetStatement(changed));
        }
      }
      if (otherDatabase || statement.leadingKeyword().equals("USE")) {
        connection.queryText("USE " + DEFAULT_DATABASE);
      }
    } catch (QueryException e) {
      // The session now differs from its start-up state; later requests would inherit that.
      LOGGER.error("Could not restore the chdb session after a request: {}", e.getMessage());
    }
  }

  /**
   * Every changed setting, start-up ones included: a {@code SET} may have changed one of those too,
   * and resetting it restores its start-up value.
   */
  private List<String> changedSettings() throws QueryException {
    String names = connection.queryText("SELECT name FROM system.settings WHERE changed");
    return names.lines().filter(name -> !name.isBlank()).toList();
  }

  static String quoteIdentifier(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
