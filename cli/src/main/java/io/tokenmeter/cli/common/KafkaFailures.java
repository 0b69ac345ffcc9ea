package io.tokenmeter.cli.common;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.TimeoutException;

/** Turns Kafka and registry exceptions into one-line messages that say what to check. */
public final class KafkaFailures {

  private KafkaFailures() {}

  /**
   * A CliFailure for {@code error}, raised while trying to {@code action}.
   *
   * @param action what the CLI was doing, e.g. "publish to tokenmeter.prices.v1"
   */
  public static CliFailure describe(Throwable error, ConnectionSettings settings, String action) {
    Throwable cause = unwrap(error);
    if (cause instanceof TimeoutException
        || cause instanceof java.util.concurrent.TimeoutException) {
      return new CliFailure(
          "cannot "
              + action
              + ": Kafka at "
              + settings.bootstrapServers()
              + " did not answer in time; check --bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS)"
              + " and that the broker is running",
          cause);
    }
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : oneLine(cause);
    if (detail.toLowerCase(Locale.ROOT).contains("registry")
        || detail.toLowerCase(Locale.ROOT).contains("schema")) {
      return new CliFailure(
          "cannot "
              + action
              + ": "
              + detail
              + "; check --registry-url (or SCHEMA_REGISTRY_URL), now "
              + settings.registryUrlForDisplay(),
          cause);
    }
    return new CliFailure("cannot " + action + ": " + detail, cause);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof ExecutionException || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String oneLine(Throwable cause) {
    return cause.getMessage().replaceAll("\\s+", " ").trim();
  }
}
