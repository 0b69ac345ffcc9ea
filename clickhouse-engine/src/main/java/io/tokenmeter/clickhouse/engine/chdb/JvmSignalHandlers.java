package io.tokenmeter.clickhouse.engine.chdb;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Keeps HotSpot's handlers for the deadly signals in place around chdb calls that replace them.
 *
 * <p>Why: HotSpot relies on its SIGSEGV/SIGBUS/SIGILL/SIGFPE handlers for implicit null checks,
 * stack banging and safepoint polls. Measured on chdb 26.5.3: {@code chdb_connect} installs chdb's
 * own handlers (or, after {@code chdb_set_signal_handlers_enabled(0)}, resets them to SIG_DFL), and
 * the next recoverable fault in any Java thread then kills the JVM with exit 139 and no hs_err
 * file. So each such call is bracketed: save the dispositions, call, put them back.
 *
 * <p>Limit: during the call itself (tens of milliseconds for a connect) the dispositions are not
 * HotSpot's, process-wide; a fault in another Java thread inside that window is still fatal. Open
 * the engine before other threads get busy. When libjsig (HotSpot's signal chaining) is preloaded
 * it already keeps the JVM's handlers first, and this class stands aside.
 */
// Restricted FFM calls are this class's purpose; the JVM runs with --enable-native-access.
@SuppressWarnings("restricted")
final class JvmSignalHandlers {

  /** SIGABRT, SIGSEGV, SIGILL, SIGBUS, SIGSYS, SIGFPE, SIGTSTP, SIGTRAP on Linux. */
  private static final int[] DEADLY_SIGNALS = {6, 11, 4, 7, 31, 8, 20, 5};

  /** glibc's struct sigaction is 152 bytes on x86_64; the copy is opaque, so leave room. */
  private static final long SIGACTION_BYTES = 256;

  private static final MethodHandle SIGACTION =
      Linker.nativeLinker()
          .downcallHandle(
              Linker.nativeLinker().defaultLookup().find("sigaction").orElseThrow(),
              FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));

  private static final boolean CHAINING_PRELOADED = libjsigLoaded();

  private JvmSignalHandlers() {}

  /** Runs {@code nativeCall} and then restores the dispositions that were in place before it. */
  static <T> T preserving(Supplier<T> nativeCall) {
    if (CHAINING_PRELOADED) {
      return nativeCall.get();
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment[] saved = new MemorySegment[DEADLY_SIGNALS.length];
      for (int i = 0; i < DEADLY_SIGNALS.length; i++) {
        saved[i] = arena.allocate(SIGACTION_BYTES);
        sigaction(DEADLY_SIGNALS[i], MemorySegment.NULL, saved[i]);
      }
      try {
        return nativeCall.get();
      } finally {
        for (int i = 0; i < DEADLY_SIGNALS.length; i++) {
          sigaction(DEADLY_SIGNALS[i], saved[i], MemorySegment.NULL);
        }
      }
    }
  }

  /** The handler address currently installed for {@code signal} (0 is SIG_DFL). */
  static long handlerOf(int signal) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment current = arena.allocate(SIGACTION_BYTES);
      sigaction(signal, MemorySegment.NULL, current);
      return current.get(JAVA_LONG, 0);
    }
  }

  private static void sigaction(int signal, MemorySegment action, MemorySegment previous) {
    int result;
    try {
      result = (int) SIGACTION.invokeExact(signal, action, previous);
    } catch (Throwable e) {
      throw new IllegalStateException("sigaction(" + signal + ") failed", e);
    }
    if (result != 0) {
      throw new IllegalStateException("sigaction(" + signal + ") returned " + result);
    }
  }

  private static boolean libjsigLoaded() {
    try {
      return Files.readString(Path.of("/proc/self/maps")).contains("libjsig.so");
    } catch (IOException e) {
      return false;
    }
  }
}
