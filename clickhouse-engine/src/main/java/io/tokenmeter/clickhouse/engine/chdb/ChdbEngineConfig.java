package io.tokenmeter.clickhouse.engine.chdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a {@link ChdbEngine}.
 *
 * @param dataDirectory where MergeTree data persists, or {@code null} for an in-memory engine
 * @param libraryPath an explicit libchdb.so, or {@code null} to let {@link ChdbLibraryLocator} find
 *     it
 * @param stagingDirectory where insert data is staged for {@code FROM INFILE}
 * @param closeTimeout how long {@code close()} waits for a running query before it returns
 */
public record ChdbEngineConfig(
    Path dataDirectory, Path libraryPath, Path stagingDirectory, Duration closeTimeout) {

  /** Long enough for any insert the sink makes, short enough that shutdown stays bounded. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /** The JVM's temporary directory. */
  public static final Path DEFAULT_STAGING_DIRECTORY =
      Path.of(System.getProperty("java.io.tmpdir"));

  public ChdbEngineConfig {
    Objects.requireNonNull(stagingDirectory, "stagingDirectory: pass DEFAULT_STAGING_DIRECTORY");
    Objects.requireNonNull(closeTimeout, "closeTimeout: pass DEFAULT_CLOSE_TIMEOUT");
    if (closeTimeout.isNegative() || closeTimeout.isZero()) {
      throw new IllegalArgumentException(
          "closeTimeout must be positive (was "
              + closeTimeout
              + "); e.g. "
              + DEFAULT_CLOSE_TIMEOUT);
    }
    if (dataDirectory != null && Files.exists(dataDirectory) && !Files.isDirectory(dataDirectory)) {
      throw new IllegalArgumentException(
          "dataDirectory "
              + dataDirectory
              + " is a file; give a directory (it is created if absent)");
    }
    if (!Files.isDirectory(stagingDirectory)) {
      throw new IllegalArgumentException(
          "stagingDirectory "
              + stagingDirectory
              + " is not an existing directory; create it first");
    }
  }

  /** Persistent data under {@code dataDirectory}, everything else by default. */
  public static ChdbEngineConfig persistent(Path dataDirectory) {
    Objects.requireNonNull(
        dataDirectory, "dataDirectory: use inMemory() for an engine without one");
    return new ChdbEngineConfig(
        dataDirectory, null, DEFAULT_STAGING_DIRECTORY, DEFAULT_CLOSE_TIMEOUT);
  }

  /** Data in memory only, lost on close; everything else by default. */
  public static ChdbEngineConfig inMemory() {
    return new ChdbEngineConfig(null, null, DEFAULT_STAGING_DIRECTORY, DEFAULT_CLOSE_TIMEOUT);
  }

  public ChdbEngineConfig withLibraryPath(Path path) {
    return new ChdbEngineConfig(dataDirectory, path, stagingDirectory, closeTimeout);
  }

  public ChdbEngineConfig withStagingDirectory(Path directory) {
    return new ChdbEngineConfig(dataDirectory, libraryPath, directory, closeTimeout);
  }

  public ChdbEngineConfig withCloseTimeout(Duration timeout) {
    return new ChdbEngineConfig(dataDirectory, libraryPath, stagingDirectory, timeout);
  }
}
