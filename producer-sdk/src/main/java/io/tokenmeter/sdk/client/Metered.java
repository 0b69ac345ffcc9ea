package io.tokenmeter.sdk.client;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import java.util.concurrent.CompletableFuture;

/**
 * A provider call's own result together with what was metered about it.
 *
 * @param response what the provider call returned, untouched
 * @param usage the usage read from the response (incomplete when the response had none)
 * @param published the publish outcome; failed (never thrown) when the event was invalid or the
 *     buffer was full, so metering problems never break the caller's call
 */
public record Metered<T>(
    T response, ExtractedUsage usage, CompletableFuture<PublishResult> published) {}
