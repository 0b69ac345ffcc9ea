package io.tokenmeter.sdk.client;

/**
 * A snapshot of the client's counters since it was built.
 *
 * @param published events the broker acknowledged
 * @param failed events accepted by the client whose write failed (their futures failed too)
 * @param rejected events refused up front because the buffer was full
 * @param inFlight events accepted and not yet acknowledged or failed
 */
public record UsageClientMetrics(long published, long failed, long rejected, long inFlight) {}
