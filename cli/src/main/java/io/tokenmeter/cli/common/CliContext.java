package io.tokenmeter.cli.common;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What commands get from outside: Kafka, the clock (budget updated_at, the default pricing time),
 * and how long a topic read may take. Tests pass fakes.
 */
public record CliContext(KafkaClients kafka, Clock clock, Duration readTimeout) {

  public CliContext {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /** The real cluster, the system clock (UTC) and the default read timeout. */
  public static CliContext production() {
    return new CliContext(
        new BrokerClients(), Clock.systemUTC(), CompactedTopicReader.DEFAULT_TIMEOUT);
  }

  /** Topic access with the given connection settings. */
  public TopicAccess topics(ConnectionSettings settings) {
    return new TopicAccess(this, settings);
  }
}
