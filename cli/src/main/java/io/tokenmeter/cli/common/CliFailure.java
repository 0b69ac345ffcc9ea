package io.tokenmeter.cli.common;

/**
 * A command failed for a reason the user can act on (exit code 1). The message is one line that
 * says what went wrong and what to do; Main prints it on stderr without a stack trace.
 */
public final class CliFailure extends RuntimeException {

  public CliFailure(String message) {
    super(message);
  }

  public CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
