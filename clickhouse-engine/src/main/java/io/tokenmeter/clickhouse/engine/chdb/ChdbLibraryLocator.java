package io.tokenmeter.clickhouse.engine.chdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Finds libchdb.so: the system property {@value #LIBRARY_PROPERTY}, then the environment variable
 * {@value #LIBRARY_ENV}, then the cache that {@code ./tokenmeter setup} (scripts/fetch-chdb.sh)
 * fills. An explicit setting that points nowhere is an error rather than a fall-through, so a typo
 * is not silently replaced by another copy of the engine.
 */
public final class ChdbLibraryLocator {

  /** System property naming libchdb.so explicitly. */
  public static final String LIBRARY_PROPERTY = "tokenmeter.chdb.lib";

  /** Environment variable naming libchdb.so explicitly. */
  public static final String LIBRARY_ENV = "TOKENMETER_CHDB_LIB";

  /** Environment variable overriding the whole tokenmeter cache directory. */
  public static final String CACHE_ENV = "TOKENMETER_CACHE";

  /** The chdb release the setup script fetches (npm {@code @chdb/lib-linux-x64-gnu}). */
  public static final String CHDB_VERSION = "26.5.3";

  private static final String SETUP_COMMAND = "./tokenmeter setup";

  private final UnaryOperator<String> systemProperties;
  private final UnaryOperator<String> environment;
  private final Path userHome;

  ChdbLibraryLocator(
      UnaryOperator<String> systemProperties, UnaryOperator<String> environment, Path userHome) {
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.userHome = userHome;
  }

  /** A locator reading this JVM's system properties and environment. */
  public static ChdbLibraryLocator fromSystem() {
    return new ChdbLibraryLocator(
        System::getProperty, System::getenv, Path.of(System.getProperty("user.home")));
  }

  /**
   * The path of an existing libchdb.so.
   *
   * @throws ChdbLibraryNotFoundException saying what to run or which setting to fix
   */
  public Path locate() {
    String fromProperty = nonBlank(systemProperties.apply(LIBRARY_PROPERTY));
    if (fromProperty != null) {
      return existing(Path.of(fromProperty), "the system property -D" + LIBRARY_PROPERTY);
    }
    String fromEnv = nonBlank(environment.apply(LIBRARY_ENV));
    if (fromEnv != null) {
      return existing(Path.of(fromEnv), "the environment variable " + LIBRARY_ENV);
    }
    Path cached = cachedLibraryPath();
    if (!Files.isRegularFile(cached)) {
      throw new ChdbLibraryNotFoundException(
          "The embedded ClickHouse engine (chdb "
              + CHDB_VERSION
              + ") is not installed: "
              + cached
              + " does not exist. Run "
              + SETUP_COMMAND
              + " once to fetch it, or set "
              + LIBRARY_ENV
              + " (or -D"
              + LIBRARY_PROPERTY
              + ") to the path of a libchdb.so.");
    }
    return cached;
  }

  /** Where {@code ./tokenmeter setup} puts libchdb.so, whether or not it is there yet. */
  public Path cachedLibraryPath() {
    return cacheRoot().resolve("chdb").resolve(CHDB_VERSION).resolve("libchdb.so");
  }

  private Path cacheRoot() {
    String tokenmeterCache = nonBlank(environment.apply(CACHE_ENV));
    if (tokenmeterCache != null) {
      return Path.of(tokenmeterCache);
    }
    String xdgCache = nonBlank(environment.apply("XDG_CACHE_HOME"));
    Path base = xdgCache != null ? Path.of(xdgCache) : userHome.resolve(".cache");
    return base.resolve("tokenmeter");
  }

  private static Path existing(Path path, String source) {
    if (!Files.isRegularFile(path)) {
      throw new ChdbLibraryNotFoundException(
          source
              + " names "
              + path
              + ", which is not a file. Point it at a libchdb.so, or unset it to use the copy that "
              + SETUP_COMMAND
              + " fetches.");
    }
    return path;
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
