package io.tokenmeter.cli.testing;

import io.tokenmeter.cli.Main;
import io.tokenmeter.cli.common.CliContext;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the CLI in-process against an {@link InMemoryKafka} and a fixed clock. */
public final class CliRun {

  public static final Instant NOW = Instant.parse("2026-01-15T10:30:00.123456Z");

  private final InMemoryKafka kafka = new InMemoryKafka();
  private final CliContext context =
      new CliContext(kafka, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));

  public InMemoryKafka kafka() {
    return kafka;
  }

  public CliContext context() {
    return context;
  }

  /** Runs one command line. */
  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), context);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs one command line with {@code stdin} as its standard input. */
  public Result runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(err),
            context);
    return new Result(code, out.toString(), err.toString());
  }

  /** Exit code and what the command printed. */
  public record Result(int exitCode, String out, String err) {}
}
