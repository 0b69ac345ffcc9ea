package io.tokenmeter.cli.price;

import io.tokenmeter.schema.v1.TokenUsage;
import java.time.Instant;
import java.util.Objects;

/**
 * One call to price, whichever way it was read (a provider response or a usage event).
 *
 * @param serviceTier null for the provider's default tier
 * @param tenantId null for the global price
 * @param eventTime null when the document carries no time (the pricing time then decides)
 * @param complete false when the counts are a lower bound: such a call is never priced
 */
record PricingRequest(
    String provider,
    String model,
    String serviceTier,
    String tenantId,
    Instant eventTime,
    TokenUsage usage,
    boolean complete) {

  PricingRequest {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(usage, "usage");
  }

  /** The same request with the options given on the command line taking precedence. */
  PricingRequest overriddenBy(String modelOption, String tierOption, String tenantOption) {
    return new PricingRequest(
        provider,
        modelOption != null ? modelOption : model,
        tierOption != null ? tierOption : serviceTier,
        tenantOption != null ? tenantOption : tenantId,
        eventTime,
        usage,
        complete);
  }
}
