package io.tokenmeter.sdk.client;

import java.time.Instant;

/**
 * Where the broker stored one usage event: it is durable (acks=all by default) once this exists.
 *
 * @param eventId the event's id, generated or the caller's, for correlating with logs
 * @param timestamp the record timestamp the broker holds
 */
public record PublishResult(
    String eventId, String topic, int partition, long offset, Instant timestamp) {}
