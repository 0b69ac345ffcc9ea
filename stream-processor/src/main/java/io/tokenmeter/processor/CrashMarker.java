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
 * never committed (stores are flushed before the commit), so local state is wiped and rebuilt from
 * the changelogs, which only hold committed data. A clean restart keeps its state.
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
