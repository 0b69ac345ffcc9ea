package io.tokenmeter.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file that exists while the processor runs and is removed by a clean close. Together with the
 * task checkpoint files it decides whether local state must be wiped before the next start.
 *
 * <p>Kafka Streams 4.3 needs no help after a kill: each RocksDB store records whether it was closed
 * cleanly and, under exactly_once_v2, a store that was not is wiped and restored from its changelog
 * (which only holds committed data). Kafka Streams 4.1, which this project used before, wrote a
 * task checkpoint file when restoration completed and kept it while the task ran (KAFKA-20685), so
 * a killed run's stores looked trustworthy even when RocksDB (no WAL, background flushes) had kept
 * writes of an aborted transaction, e.g. a budget's spend past a threshold whose alert was aborted.
 * 4.3 migrates such a file into its stores on the first start, so that stale state would survive
 * the upgrade. Hence the one case left: the last run was killed and a task checkpoint file exists
 * (4.3 deletes it when a task starts and never writes one while running). Remove this class once no
 * state directory from a pre-4.3 build can remain.
 */
public final class CrashMarker {
  private static final Logger LOGGER = LoggerFactory.getLogger(CrashMarker.class);
  public static final String FILE_NAME = "tokenmeter-running";

  /** Kafka Streams' per-task offsets file before 4.3. */
  static final String TASK_CHECKPOINT = ".checkpoint";

  /** Global stores read topics no task writes transactionally, so their checkpoint is safe. */
  private static final String GLOBAL_TASK_DIRECTORY = "global";

  private final Path file;
  private final Path applicationStateDir;

  public CrashMarker(Path stateDir, String applicationId) {
    this.file = stateDir.resolve(applicationId + "." + FILE_NAME);
    this.applicationStateDir = stateDir.resolve(applicationId);
  }

  /** Whether the previous run ended without a clean close. */
  public boolean previousRunCrashed() {
    return Files.exists(file);
  }

  /**
   * Whether local state must be wiped before starting: the previous run was killed and left a task
   * checkpoint file, which only a pre-4.3 Kafka Streams leaves behind (see the class comment).
   */
  public boolean killedRunLeftTaskCheckpoint() {
    return previousRunCrashed() && taskCheckpointExists();
  }

  private boolean taskCheckpointExists() {
    if (!Files.isDirectory(applicationStateDir)) {
      return false;
    }
    try (Stream<Path> taskDirs = Files.list(applicationStateDir)) {
      return taskDirs
          .filter(Files::isDirectory)
          .filter(dir -> !dir.getFileName().toString().equals(GLOBAL_TASK_DIRECTORY))
          .anyMatch(dir -> Files.exists(dir.resolve(TASK_CHECKPOINT)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list " + applicationStateDir + "; is state.dir readable?", e);
    }
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
      LOGGER.warn("Could not remove {}; a pre-4.3 task checkpoint would then be wiped", file, e);
    }
  }
}
