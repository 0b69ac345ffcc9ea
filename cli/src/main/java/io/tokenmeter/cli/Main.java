package io.tokenmeter.cli;

import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.ContextFactory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of {@code ./tokenmeter prices|budgets|price}. Exit codes: 0 ok, 1 failure, 2 usage
 * error. The terminal is this program's output, so it writes to System.out/err here and nowhere
 * else.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, CliContext.production()));
  }

  /** Runs one command line reading {@code stdin}; returns its exit code. */
  public static int run(
      String[] args, InputStream stdin, PrintWriter out, PrintWriter err, CliContext context) {
    return run(args, out, err, context.withStdin(stdin));
  }

  /** Runs one command line and returns its exit code; output goes to {@code out}/{@code err}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    ErrorReporting errors = new ErrorReporting();
    CommandLine cli =
        new CommandLine(new TokenmeterCommand(), new ContextFactory(context))
            .setOut(out)
            .setErr(err)
            .setParameterExceptionHandler(errors)
            .setExecutionExceptionHandler(errors)
            .setCaseInsensitiveEnumValuesAllowed(true);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
