package io.tokenmeter.cli;

import io.tokenmeter.cli.common.CliFailure;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * One line on stderr per error, saying what to do: usage errors exit {@value #USAGE}, failures
 * {@value #FAILURE}. Stack traces only reach the log at DEBUG, never the terminal.
 */
final class ErrorReporting implements IParameterExceptionHandler, IExecutionExceptionHandler {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private static final Logger LOGGER = LoggerFactory.getLogger(ErrorReporting.class);

  @Override
  public int handleParseException(ParameterException error, String[] args) {
    CommandLine command = error.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(
        "tokenmeter: "
            + oneLine(error.getMessage())
            + " (see '"
            + command.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return USAGE;
  }

  @Override
  public int handleExecutionException(
      Exception error, CommandLine command, ParseResult parseResult) {
    LOGGER.debug("command failed", error);
    PrintWriter err = command.getErr();
    String message =
        error instanceof CliFailure
            ? error.getMessage()
            : error.getClass().getSimpleName()
                + ": "
                + error.getMessage()
                + "; for details rerun with"
                + " TOKENMETER_JAVA_OPTS=-Dorg.slf4j.simpleLogger.defaultLogLevel=debug";
    err.println("tokenmeter: " + oneLine(message));
    err.flush();
    return FAILURE;
  }

  private static String oneLine(String message) {
    return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
