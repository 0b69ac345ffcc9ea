package io.tokenmeter.clickhouse.engine.chdb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session settings the engine sets right after connecting, so that they are part of the start-up
 * state every request returns to. A request may still override any of them for itself.
 *
 * <p>Why: a chdb call that waits forever stalls every request, because calls are serialized. These
 * defaults remove the ways a query can wait on another thread or on a signal that it does not need
 * in a serialized, in-process engine.
 */
final class EngineDefaults {

  /**
   * The query profilers arm per-thread timers that deliver SIGUSR1/SIGUSR2 to query threads, which
   * here are JVM threads (HotSpot uses SIGUSR2 itself). chdb 26.5.3 leaves them inert for lack of a
   * trace log (measured: the SIGUSR handlers stay HotSpot's across queries), but ships them
   * switched on at 1 s; 0 keeps them off whatever the configuration becomes.
   */
  static final String PROFILER_OFF = "0";

  /**
   * Parallel formatting and parsing hand blocks between the calling thread and pool threads through
   * condition variables; results and request bodies here are small and requests serialized, so they
   * buy nothing and add waits on pool threads.
   */
  static final String PARALLEL_FORMAT_OFF = "0";

  /**
   * One thread per query: the pipeline then runs on the calling thread, and an insert is pushed
   * synchronously instead of through a pool thread. The hang seen in e2e was the calling thread
   * waiting on a condition variable while every pool thread was idle, i.e. a hand-off to the pool
   * that never completed; with one thread there is no such hand-off. The cost is small here:
   * requests are serialized on a 2-core machine that also runs Kafka and the services, and a
   * 100,000-row insert or a FINAL read of it took the same time with 1 or 2 threads (noisy probe).
   */
  static final String ONE_THREAD = "1";

  /**
   * Seconds after which a query that keeps executing fails (code 159) instead of holding the
   * engine. It bounds busy queries only, not a thread blocked in a wait; {@link SlowCallWatchdog}
   * reports those. Far above any query this project runs (milliseconds to a few seconds).
   */
  static final String MAX_EXECUTION_SECONDS = "600";

  // async_insert stays as chdb ships it (1): probes of 26.5.3 showed no use of its async insert
  // queue (no AsyncInsert events, inserts in 4-9 ms), while 0 changes what an inline-VALUES
  // insert reports (chdb_result_rows_read 1 instead of 0). The sink sends async_insert=0 itself.

  private EngineDefaults() {}

  /** Setting name to value, in the order they are applied. */
  static Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("query_profiler_real_time_period_ns", PROFILER_OFF);
    settings.put("query_profiler_cpu_time_period_ns", PROFILER_OFF);
    settings.put("output_format_parallel_formatting", PARALLEL_FORMAT_OFF);
    settings.put("input_format_parallel_parsing", PARALLEL_FORMAT_OFF);
    settings.put("max_threads", ONE_THREAD);
    settings.put("max_final_threads", ONE_THREAD);
    settings.put("max_execution_time", MAX_EXECUTION_SECONDS);
    return settings;
  }
}
