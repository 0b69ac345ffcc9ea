package io.tokenmeter.cli.common;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What commands get from outside: Kafka, the clock (budget updated_at, the default pricing time),
 * how long a topic read may take, and standard input ({@code price} reads its documents there).
 * Tests pass fakes.
 */
public record CliContext(KafkaClients kafka, Clock clock, Duration readTimeout, InputStream stdin) {

  public CliContext {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(stdin, "stdin");
  }

  /** A context reading the process's standard input. */
  public CliContext(KafkaClients kafka, Clock clock, Duration readTimeout) {
    this(kafka, clock, readTimeout, System.in);
  }

  /** The real cluster, the system clock (UTC) and the default read timeout. */
  public static CliContext production() {
    return new CliContext(
        new BrokerClients(), Clock.systemUTC(), CompactedTopicReader.DEFAULT_TIMEOUT);
  }

  /** The same context reading its documents from {@code input} instead. */
  public CliContext withStdin(InputStream input) {
    return new CliContext(kafka, clock, readTimeout, input);
  }

  /** Topic access with the given connection settings. */
  public TopicAccess topics(ConnectionSettings settings) {
    return new TopicAccess(this, settings);
  }
}
