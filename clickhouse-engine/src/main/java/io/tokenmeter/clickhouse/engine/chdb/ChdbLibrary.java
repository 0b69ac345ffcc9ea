package io.tokenmeter.clickhouse.engine.chdb;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chdb's C API (chdb.h of chdb 26.5) bound through the FFM API. One instance per JVM: a 560 MB
 * library is mapped once and never unloaded, because chdb keeps process-wide state.
 *
 * <p>chdb's crash-signal handlers are switched off and HotSpot's kept in place around every call
 * that touches them (see {@link JvmSignalHandlers}).
 *
 * <p>Types on Linux x86_64: {@code size_t} and {@code uint64_t} are {@code long}; handles are
 * addresses. {@code chdb_connect} returns {@code chdb_connection*}, a pointer to the handle that
 * queries take, and {@code chdb_close_conn} takes that same pointer back.
 */
// Restricted FFM calls are this class's purpose; the JVM runs with --enable-native-access.
@SuppressWarnings("restricted")
public final class ChdbLibrary {

  private static final Logger LOGGER = LoggerFactory.getLogger(ChdbLibrary.class);
  private static final Linker LINKER = Linker.nativeLinker();
  private static ChdbLibrary loaded;

  private final Path path;
  private final MethodHandle connect;
  private final MethodHandle closeConn;
  private final MethodHandle queryN;
  private final MethodHandle destroyResult;
  private final MethodHandle resultBuffer;
  private final MethodHandle resultLength;
  private final MethodHandle resultError;
  private final MethodHandle resultElapsed;
  private final MethodHandle resultRowsRead;
  private final MethodHandle resultStorageRowsRead;
  private final MethodHandle resultStorageBytesRead;
  private final MethodHandle resultRowsWritten;

  private ChdbLibrary(Path path) {
    this.path = path;
    SymbolLookup symbols = SymbolLookup.libraryLookup(path, Arena.global());
    connect = bind(symbols, "chdb_connect", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
    closeConn = bind(symbols, "chdb_close_conn", FunctionDescriptor.ofVoid(ADDRESS));
    queryN =
        bind(
            symbols,
            "chdb_query_n",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
    destroyResult = bind(symbols, "chdb_destroy_query_result", FunctionDescriptor.ofVoid(ADDRESS));
    resultBuffer = bind(symbols, "chdb_result_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
    resultLength = bind(symbols, "chdb_result_length", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    resultError = bind(symbols, "chdb_result_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
    resultElapsed =
        bind(symbols, "chdb_result_elapsed", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS));
    // chdb_result_rows_read counts the rows of the formatted result; the storage_ variants count
    // what the query read from tables (ChdbEngineIT tells the two apart).
    resultRowsRead =
        bind(symbols, "chdb_result_rows_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    resultStorageRowsRead =
        bind(symbols, "chdb_result_storage_rows_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    resultStorageBytesRead =
        bind(symbols, "chdb_result_storage_bytes_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    resultRowsWritten =
        bind(symbols, "chdb_result_rows_written", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    MethodHandle setSignalHandlersEnabled =
        bind(symbols, "chdb_set_signal_handlers_enabled", FunctionDescriptor.ofVoid(JAVA_INT));
    // Opt out of chdb's crash handlers once: they would turn HotSpot's recoverable faults into
    // crashes. The opt-out itself resets the handlers, hence the bracket.
    JvmSignalHandlers.preserving(
        () -> {
          try {
            setSignalHandlersEnabled.invokeExact(0);
          } catch (Throwable e) {
            throw new IllegalStateException("chdb_set_signal_handlers_enabled failed", e);
          }
          return null;
        });
  }

  /** Loads the library that {@link ChdbLibraryLocator#fromSystem()} finds (once per JVM). */
  public static ChdbLibrary load() {
    return load(ChdbLibraryLocator.fromSystem().locate());
  }

  /**
   * Loads libchdb.so from {@code path} (once per JVM).
   *
   * @throws IllegalStateException when a different copy is already loaded in this JVM
   */
  public static synchronized ChdbLibrary load(Path path) {
    Path wanted = path.toAbsolutePath().normalize();
    if (loaded == null) {
      long start = System.nanoTime();
      loaded = new ChdbLibrary(wanted);
      LOGGER.info("Loaded chdb from {} in {} ms", wanted, (System.nanoTime() - start) / 1_000_000);
    } else if (!loaded.path.equals(wanted)) {
      throw new IllegalStateException(
          "chdb is already loaded from "
              + loaded.path
              + " in this JVM; it cannot also be loaded from "
              + wanted
              + ". Use one libchdb.so per JVM.");
    }
    return loaded;
  }

  /** The file this library was loaded from. */
  public Path path() {
    return path;
  }

  /**
   * Calls {@code chdb_connect} with {@code args} (argv[0] included).
   *
   * @return the {@code chdb_connection*}, or {@link MemorySegment#NULL} when chdb refused
   */
  MemorySegment connect(Arena arena, List<String> args) {
    MemorySegment argv = arena.allocate(ADDRESS, args.size());
    for (int i = 0; i < args.size(); i++) {
      argv.setAtIndex(ADDRESS, i, arena.allocateFrom(args.get(i)));
    }
    return JvmSignalHandlers.preserving(
        () -> {
          try {
            return (MemorySegment) connect.invokeExact(args.size(), argv);
          } catch (Throwable e) {
            throw new IllegalStateException("chdb_connect failed", e);
          }
        });
  }

  /** The handle that queries take: {@code *connectionPointer}. */
  MemorySegment handleOf(MemorySegment connectionPointer) {
    return connectionPointer.reinterpret(ADDRESS.byteSize()).get(ADDRESS, 0);
  }

  /** Calls {@code chdb_close_conn} on what {@link #connect} returned. */
  void close(MemorySegment connectionPointer) {
    JvmSignalHandlers.preserving(
        () -> {
          try {
            closeConn.invokeExact(connectionPointer);
          } catch (Throwable e) {
            throw new IllegalStateException("chdb_close_conn failed", e);
          }
          return null;
        });
  }

  /**
   * Runs {@code sql} (any bytes; its length is passed, so it need not be text) with {@code format}
   * as the default output format, copies the result out and frees the native result.
   */
  ChdbResult query(MemorySegment handle, byte[] sql, String format) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment query = arena.allocate(sql.length + 1L);
      MemorySegment.copy(sql, 0, query, JAVA_BYTE, 0, sql.length);
      byte[] formatBytes = format.getBytes(StandardCharsets.US_ASCII);
      MemorySegment formatSegment = arena.allocateFrom(format);
      MemorySegment result =
          (MemorySegment)
              queryN.invokeExact(
                  handle, query, (long) sql.length, formatSegment, (long) formatBytes.length);
      if (result.equals(MemorySegment.NULL)) {
        return new ChdbResult(
            new byte[0], "chdb returned no result (connection closed?)", 0, 0, 0, 0, 0);
      }
      try {
        return copy(result);
      } finally {
        destroyResult.invokeExact(result);
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("chdb_query_n failed", e);
    }
  }

  private ChdbResult copy(MemorySegment result) throws Throwable {
    MemorySegment error = (MemorySegment) resultError.invokeExact(result);
    if (!error.equals(MemorySegment.NULL)) {
      String text = error.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
      return new ChdbResult(new byte[0], text, 0, 0, 0, 0, 0);
    }
    long length = (long) resultLength.invokeExact(result);
    byte[] body = new byte[0];
    if (length > 0) {
      MemorySegment buffer = (MemorySegment) resultBuffer.invokeExact(result);
      body = buffer.reinterpret(length).toArray(JAVA_BYTE);
    }
    return new ChdbResult(
        body,
        null,
        (long) resultRowsRead.invokeExact(result),
        (long) resultStorageRowsRead.invokeExact(result),
        (long) resultStorageBytesRead.invokeExact(result),
        (long) resultRowsWritten.invokeExact(result),
        (double) resultElapsed.invokeExact(result));
  }

  private static MethodHandle bind(SymbolLookup symbols, String name, FunctionDescriptor type) {
    MemorySegment symbol =
        symbols
            .find(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "libchdb.so has no symbol "
                            + name
                            + "; it is not chdb "
                            + ChdbLibraryLocator.CHDB_VERSION
                            + ". Run ./tokenmeter setup or point "
                            + ChdbLibraryLocator.LIBRARY_ENV
                            + " at chdb "
                            + ChdbLibraryLocator.CHDB_VERSION
                            + "."));
    return LINKER.downcallHandle(symbol, type);
  }
}
