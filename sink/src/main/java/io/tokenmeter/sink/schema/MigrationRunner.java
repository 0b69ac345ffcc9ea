package io.tokenmeter.sink.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the ClickHouse schema up to date at start-up: applies each migration whose version is not
 * yet recorded in {@code tokenmeter_schema_migrations}, then records it. Idempotent: running it
 * again applies nothing, and every statement is {@code IF NOT EXISTS}, so a migration interrupted
 * half-way (or applied by two instances at once) can simply run again.
 */
public final class MigrationRunner {

  private static final Logger LOGGER = LoggerFactory.getLogger(MigrationRunner.class);
  static final String MIGRATIONS_TABLE = "tokenmeter_schema_migrations";

  private final MigrationScripts scripts;
  private final Clock clock;

  public MigrationRunner(MigrationScripts scripts, Clock clock) {
    this.scripts = scripts;
    this.clock = clock;
  }

  /** Applies what is missing; returns the versions applied by this call. */
  public List<Integer> migrate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : scripts.migrationsTable()) {
        statement.execute(sql);
      }
    }
    Map<Integer, String> applied = appliedChecksums(connection);
    List<Migration> pending =
        scripts.load().stream().filter(m -> !applied.containsKey(m.version())).toList();
    for (Migration migration : scripts.load()) {
      String recorded = applied.get(migration.version());
      if (recorded != null && !recorded.equals(migration.checksum())) {
        // An applied file was edited: its changes will never run. Say so instead of failing the
        // sink, because the tables it created are still usable.
        LOGGER.warn(
            "Migration V{} ({}) changed after it was applied; add a new migration instead of"
                + " editing an applied one",
            migration.version(),
            migration.description());
      }
    }
    for (Migration migration : pending) {
      apply(connection, migration);
    }
    return pending.stream().map(Migration::version).toList();
  }

  private void apply(Connection connection, Migration migration) throws SQLException {
    LOGGER.info("Applying migration V{} ({})", migration.version(), migration.description());
    try (Statement statement = connection.createStatement()) {
      for (String sql : migration.statements()) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement record =
        connection.prepareStatement(
            "INSERT INTO "
                + MIGRATIONS_TABLE
                + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
      record.setInt(1, migration.version());
      record.setString(2, migration.description());
      record.setString(3, migration.checksum());
      record.setObject(4, clock.instant());
      record.executeUpdate();
    }
  }

  private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
    Map<Integer, String> applied = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version, any(checksum) FROM " + MIGRATIONS_TABLE + " GROUP BY version")) {
      while (rows.next()) {
        applied.put(rows.getInt(1), rows.getString(2));
      }
    }
    return applied;
  }
}
