package io.tokenmeter.sdk.adapter;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an adapter read from one provider response: the normalized usage plus the identity fields
 * the response carries.
 *
 * @param provider who served the call, one of {@link Providers}
 * @param model the model exactly as the response named it; null when the response does not say
 *     (Bedrock Converse), in which case the caller supplies the model id it requested
 * @param requestId the provider's id of the response; null when the body carries none
 * @param serviceTier the tier the provider reported, or null for its default
 * @param usage the counts; {@link NormalizedUsage#NONE} when the response had no usage
 * @param complete false when the usage is missing or partial, so the call is never priced as $0
 * @param providerReportedCostUsd cost the provider itself reported (OpenRouter), or null
 */
public record ExtractedUsage(
    String provider,
    String model,
    String requestId,
    String serviceTier,
    NormalizedUsage usage,
    boolean complete,
    BigDecimal providerReportedCostUsd) {

  public ExtractedUsage {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(usage, "usage");
  }

  /** The same extraction with the model set, for responses that do not name their model. */
  public ExtractedUsage withModel(String requestedModel) {
    return new ExtractedUsage(
        provider, requestedModel, requestId, serviceTier, usage, complete, providerReportedCostUsd);
  }
}
