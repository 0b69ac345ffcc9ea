package io.tokenmeter.e2e;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A service run as its own JVM on the test classpath, so it can be killed with SIGKILL ({@link
 * Process#destroyForcibly}): no shutdown hook, no final commit, exactly like a crash.
 */
final class ChildJvm {

  /** Child logs stay in the module's target folder, for reading after a failed run. */
  private static final Path LOG_DIR = Path.of("target", "e2e-logs");

  private final Class<?> mainClass;
  private final Path propertiesFile;
  private final String name;
  private int starts;
  private Path currentLog;

  ChildJvm(Class<?> mainClass, Map<String, String> settings, String name) throws IOException {
    this.mainClass = mainClass;
    this.name = name;
    Files.createDirectories(LOG_DIR);
    this.propertiesFile = LOG_DIR.resolve(name + ".properties");
    Properties properties = new Properties();
    properties.putAll(settings);
    try (Writer writer = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
      properties.store(writer, name);
    }
  }

  /** Starts a new instance; each start logs to its own file. */
  Process start() throws IOException {
    starts++;
    currentLog = LOG_DIR.resolve(name + "-" + starts + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            mainClass.getName(),
            propertiesFile.toAbsolutePath().toString())
        .redirectErrorStream(true)
        .redirectOutput(currentLog.toFile())
        .start();
  }

  /**
   * For a timeout message: whether the instance still runs (one that exited by itself explains a
   * stalled pipeline at once) and where its log is.
   */
  String describe(Process process) {
    String state =
        process.isAlive() ? "running" : "EXITED with code " + process.exitValue() + " by itself";
    return name
        + " start "
        + starts
        + " (pid "
        + process.pid()
        + ") "
        + state
        + ", log "
        + currentLog;
  }

  /** SIGKILL, then wait until the process is gone. */
  static void kill(Process process) throws InterruptedException {
    process.destroyForcibly().waitFor();
  }
}
