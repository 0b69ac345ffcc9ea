package io.tokenmeter.sdk.client;

import java.time.Duration;
import java.util.Map;

/**
 * Everything the builder collected, immutable and already validated.
 *
 * @param producerProperties the complete Kafka producer configuration, defaults included
 * @param maxBufferedEvents the most events held unacknowledged at once
 * @param publishBlockTimeout how long {@code publish} waits for buffer room before failing
 * @param maxFutureSkew how far in the future an event time may lie
 */
record UsageClientSettings(
    String topic,
    String defaultTenantId,
    Map<String, String> defaultTags,
    Map<String, Object> producerProperties,
    int maxBufferedEvents,
    Duration publishBlockTimeout,
    Duration maxFutureSkew) {

  UsageClientSettings {
    defaultTags = Map.copyOf(defaultTags);
    producerProperties = Map.copyOf(producerProperties);
  }
}
