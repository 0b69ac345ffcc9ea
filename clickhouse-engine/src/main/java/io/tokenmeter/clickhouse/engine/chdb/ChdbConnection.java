package io.tokenmeter.clickhouse.engine.chdb;

import io.tokenmeter.clickhouse.engine.QueryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one chdb connection of this process. chdb runs one embedded server per process: a second
 * {@code chdb_connect} with another {@code --path} returns NULL until every connection is closed
 * (measured on 26.5.3), so a second open here fails at once with a message naming the first.
 * Closing and connecting again, to the same or another path, works within one JVM.
 */
final class ChdbConnection {

  private static final String TEXT_FORMAT = "TabSeparated";
  private static final Object PROCESS_SLOT_LOCK = new Object();
  private static String openTarget;

  private final ChdbLibrary library;
  private final Arena arena;
  private final MemorySegment connectionPointer;
  private final MemorySegment handle;
  private final String target;

  private ChdbConnection(
      ChdbLibrary library, Arena arena, MemorySegment connectionPointer, String target) {
    this.library = library;
    this.arena = arena;
    this.connectionPointer = connectionPointer;
    this.handle = library.handleOf(connectionPointer);
    this.target = target;
  }

  /**
   * Connects to chdb with MergeTree data under {@code dataDir}, or in memory when it is null.
   *
   * @throws IllegalStateException when this process already has an open connection, or chdb refuses
   *     to connect
   */
  static ChdbConnection open(ChdbLibrary library, Path dataDir) {
    String target = dataDir == null ? ":memory:" : dataDir.toAbsolutePath().toString();
    synchronized (PROCESS_SLOT_LOCK) {
      if (openTarget != null) {
        throw new IllegalStateException(
            "A chdb engine is already open in this JVM on "
                + openTarget
                + "; chdb runs one engine per process. Share that ChdbEngine, or close it before"
                + " opening "
                + target
                + ".");
      }
      List<String> args = new ArrayList<>(List.of("clickhouse"));
      if (dataDir != null) {
        args.add("--path=" + target);
      }
      Arena arena = Arena.ofShared();
      MemorySegment pointer = library.connect(arena, args);
      if (pointer.equals(MemorySegment.NULL)) {
        arena.close();
        throw new IllegalStateException(
            "chdb refused to connect to "
                + target
                + " (chdb_connect returned NULL). Check that the directory is writable and that no"
                + " other process uses it (another ./tokenmeter dev on the same --data-dir?)"
                + ownerOf(dataDir)
                + ".");
      }
      openTarget = target;
      return new ChdbConnection(library, arena, pointer, target);
    }
  }

  /**
   * ClickHouse writes the PID of the process using a data directory into its "status" file and
   * refuses a second one: naming that PID is the most useful thing to say when the connect fails.
   */
  private static String ownerOf(Path dataDir) {
    if (dataDir == null) {
      return "";
    }
    try (var lines = Files.lines(dataDir.resolve("status"))) {
      return lines
          .filter(line -> line.startsWith("PID:"))
          .findFirst()
          .map(pid -> "; its status file says " + pid.trim())
          .orElse("");
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  /** Where the data lives: the absolute data directory, or {@code :memory:}. */
  String target() {
    return target;
  }

  /** Runs {@code sql} as given (binary-safe) with {@code format} as default output format. */
  ChdbResult query(byte[] sql, String format) {
    return library.query(handle, sql, format);
  }

  /** Runs a statement of the engine's own and returns its TabSeparated text. */
  String queryText(String sql) throws QueryException {
    ChdbResult result = query(sql.getBytes(StandardCharsets.UTF_8), TEXT_FORMAT);
    if (result.failed()) {
      throw ChdbErrors.toException(result.error());
    }
    return new String(result.body(), StandardCharsets.UTF_8);
  }

  /** Closes the native connection and frees its memory; the process may then connect again. */
  void close() {
    synchronized (PROCESS_SLOT_LOCK) {
      try {
        library.close(connectionPointer);
      } finally {
        arena.close();
        openTarget = null;
      }
    }
  }
}
