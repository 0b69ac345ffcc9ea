package io.tokenmeter.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file that exists while the processor runs and is removed by a clean close. Found at start-up,
 * it means the last run was killed: local stores may then hold writes of a transaction that was
 * aborted, so local state is wiped and rebuilt from the changelogs, which only hold committed data.
 * A clean restart keeps its state.
 *
 * <p>Why Kafka Streams does not do this itself here: under exactly_once_v2 it wipes a task's stores
 * after a crash only when the task has no checkpoint file, but in Kafka Streams 4.1 the state
 * updater writes one when restoration completes and nothing deletes it while the task runs
 * (KAFKA-20685, fixed in later 4.2 releases and absent from 4.3). RocksDB runs without a WAL and
 * flushes memtables in the background, so a killed task can keep, say, a budget's spend that
 * already counts a threshold whose alert was aborted; the restart would never send that alert.
 * Remove this class once the Kafka Streams version in use has that fix (CrashRecoveryIT logs the
 * checkpoint files a killed run leaves: none means the fix is in).
 */
public final class CrashMarker {
  private static final Logger LOGGER = LoggerFactory.getLogger(CrashMarker.class);
  public static final String FILE_NAME = "tokenmeter-running";

  private final Path file;

  public CrashMarker(Path stateDir, String applicationId) {
    this.file = stateDir.resolve(applicationId + "." + FILE_NAME);
  }

  /** Whether the previous run ended without a clean close. */
  public boolean previousRunCrashed() {
    return Files.exists(file);
  }

  /** Marks this run as in progress. */
  public void markRunning() {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.valueOf(ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + "; is state.dir writable?", e);
    }
  }

  /** Marks a clean stop, so the next start keeps local state. */
  public void markStopped() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOGGER.warn("Could not remove {}; the next start will rebuild local state", file, e);
    }
  }
}
