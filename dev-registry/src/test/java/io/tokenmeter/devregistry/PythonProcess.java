package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's system Python (not a pyenv one on PATH) with a time limit. */
final class PythonProcess {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final long TIMEOUT_SECONDS = 60;
  static final String INSTALL_HINT =
      "The Python interop test needs /usr/bin/python3 with Debian's python3-confluent-kafka"
          + " (1.7.0), python3-avro and python3-requests. Install them with:"
          + " apt-get install -y python3-confluent-kafka python3-avro python3-requests";

  private PythonProcess() {}

  /** Exit code, standard output and standard error of a finished run. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Fails (never skips) when the interpreter or the Confluent client packages are missing. */
  static void requireConfluentClient() {
    if (!Files.isExecutable(PYTHON)) {
      fail(INSTALL_HINT + " (no " + PYTHON + ")");
    }
    Result probe =
        run(List.of("-c", "import confluent_kafka.avro, avro.io, requests"), Path.of("."));
    if (probe.exitCode() != 0) {
      fail(INSTALL_HINT + "\nImport failed: " + probe.stderr());
    }
  }

  static Result run(List<String> args, Path workDir) {
    List<String> command = new ArrayList<>();
    command.add(PYTHON.toString());
    command.addAll(args);
    try {
      Path stderrFile = Files.createTempFile("python-stderr", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectError(stderrFile.toFile());
      // requests would otherwise send loopback calls to a proxy configured in the environment.
      builder.environment().put("NO_PROXY", "127.0.0.1,localhost");
      builder.environment().put("no_proxy", "127.0.0.1,localhost");
      Process process = builder.start();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("Python did not finish within " + TIMEOUT_SECONDS + " s: " + command);
      }
      String stderr = Files.readString(stderrFile);
      Files.deleteIfExists(stderrFile);
      return new Result(process.exitValue(), stdout, stderr);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + command + ". " + INSTALL_HINT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }
}
