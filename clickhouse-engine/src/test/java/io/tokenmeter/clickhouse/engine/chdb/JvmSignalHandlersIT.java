package io.tokenmeter.clickhouse.engine.chdb;

import static io.tokenmeter.clickhouse.engine.chdb.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.clickhouse.engine.QueryException;
import org.junit.jupiter.api.Test;

/**
 * HotSpot keeps its own SIGSEGV/SIGBUS/SIGILL/SIGFPE handlers while chdb is open and after it
 * closes. Without that, the implicit null checks below end the JVM with exit 139.
 */
class JvmSignalHandlersIT {

  private static final int[] JVM_SIGNALS = {11, 7, 4, 8};

  @Test
  void shouldKeepTheJvmsSignalHandlersAcrossOpenQueryAndClose() throws QueryException {
    long[] before = handlers();

    try (ChdbEngine engine = ChdbEngine.openInMemory()) {
      assertThat(handlers()).containsExactly(before);
      assertThat(text(engine, "SELECT 1")).isEqualTo("1\n");
      assertThat(implicitNullPointerExceptions(300_000)).isEqualTo(150_000);
      assertThat(handlers()).containsExactly(before);
    }
    assertThat(handlers()).containsExactly(before);
    assertThat(before).doesNotContain(0L);
  }

  private static long[] handlers() {
    long[] handlers = new long[JVM_SIGNALS.length];
    for (int i = 0; i < JVM_SIGNALS.length; i++) {
      handlers[i] = JvmSignalHandlers.handlerOf(JVM_SIGNALS[i]);
    }
    return handlers;
  }

  /** Once JIT-compiled, {@code value.length()} on null is a SIGSEGV that HotSpot turns into NPE. */
  private static int implicitNullPointerExceptions(int calls) {
    int caught = 0;
    for (int i = 0; i < calls; i++) {
      try {
        length(i % 2 == 0 ? null : "x");
      } catch (NullPointerException expected) {
        caught++;
      }
    }
    return caught;
  }

  private static int length(String value) {
    return value.length();
  }
}
