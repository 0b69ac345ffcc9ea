package io.tokenmeter.pricing.match;

import java.util.List;
import java.util.Map;

/**
 * Provider ids: the canonical spelling (UsageEvent.provider's vocabulary: openai, anthropic,
 * google, aws-bedrock, azure, openrouter, xai...) of the names catalogs and SDKs use, and the
 * providers whose catalog a provider falls back to when it has no price of its own for a model.
 */
public final class ProviderIds {

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("aws", "aws-bedrock"),
          Map.entry("bedrock", "aws-bedrock"),
          Map.entry("bedrock_converse", "aws-bedrock"),
          Map.entry("amazon-bedrock", "aws-bedrock"),
          Map.entry("aws_bedrock", "aws-bedrock"),
          Map.entry("gemini", "google"),
          Map.entry("google-vertex", "google"),
          Map.entry("vertex", "google"),
          Map.entry("vertex_ai", "google"),
          Map.entry("vertex-ai", "google"),
          Map.entry("google-gla", "google"),
          Map.entry("x-ai", "xai"),
          Map.entry("azure-openai", "azure"),
          Map.entry("azure_openai", "azure"),
          Map.entry("mistralai", "mistral"),
          Map.entry("together_ai", "together"),
          Map.entry("together-ai", "together"),
          Map.entry("fireworks_ai", "fireworks"),
          Map.entry("moonshot", "moonshotai"));

  /**
   * Azure serves OpenAI and Anthropic models at their list prices, Vertex serves Anthropic's: a
   * model missing from these providers' own lists is priced from the origin provider, as
   * genai-prices does ({@code fallback_model_providers}).
   */
  private static final Map<String, List<String>> FALLBACKS =
      Map.of("azure", List.of("openai", "anthropic"), "google", List.of("anthropic"));

  private ProviderIds() {}

  /** The canonical id of a provider name (trimmed, lower-case with Locale.ROOT, aliases mapped). */
  public static String canonical(String provider) {
    String name = ModelNames.normalize(provider);
    if (name.startsWith("vertex_ai-") || name.startsWith("vertex_ai/")) {
      return "google";
    }
    return ALIASES.getOrDefault(name, name);
  }

  /** The providers to try, in order, for a model this (canonical) provider has no price for. */
  public static List<String> fallbacks(String canonicalProvider) {
    return FALLBACKS.getOrDefault(canonicalProvider, List.of());
  }
}
