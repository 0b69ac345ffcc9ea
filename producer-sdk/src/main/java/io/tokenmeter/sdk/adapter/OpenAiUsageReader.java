package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.count;
import static io.tokenmeter.sdk.adapter.ProviderJson.object;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an OpenAI-shaped usage object. OpenAI's totals already include their parts ({@code
 * prompt_tokens} includes {@code cached_tokens} and audio; {@code completion_tokens} includes
 * {@code reasoning_tokens} and audio), which is the contract's meaning, so totals map as-is and the
 * details map to subsets. Chat Completions, Responses and Realtime spell the same fields
 * differently; the field names are parameters.
 */
final class OpenAiUsageReader {

  /** Chat Completions and Embeddings (and Azure, OpenRouter). */
  static final OpenAiUsageReader CHAT =
      new OpenAiUsageReader(
          "prompt_tokens",
          "completion_tokens",
          "prompt_tokens_details",
          "completion_tokens_details");

  /** Responses API. Realtime's singular {@code input_token_details} is accepted as a fallback. */
  static final OpenAiUsageReader RESPONSES =
      new OpenAiUsageReader(
          "input_tokens", "output_tokens", "input_tokens_details", "output_tokens_details");

  private static final String REALTIME_INPUT_DETAILS = "input_token_details";
  private static final String REALTIME_OUTPUT_DETAILS = "output_token_details";

  private final String inputField;
  private final String outputField;
  private final String inputDetailsField;
  private final String outputDetailsField;

  private OpenAiUsageReader(
      String inputField, String outputField, String inputDetailsField, String outputDetailsField) {
    this.inputField = inputField;
    this.outputField = outputField;
    this.inputDetailsField = inputDetailsField;
    this.outputDetailsField = outputDetailsField;
  }

  boolean hasInputTotal(JsonNode usage) {
    return ProviderJson.present(usage, inputField);
  }

  boolean hasOutputTotal(JsonNode usage) {
    return ProviderJson.present(usage, outputField);
  }

  NormalizedUsage.Builder read(JsonNode usage) {
    JsonNode inputDetails = firstObject(usage, inputDetailsField, REALTIME_INPUT_DETAILS);
    JsonNode outputDetails = firstObject(usage, outputDetailsField, REALTIME_OUTPUT_DETAILS);
    JsonNode cachedDetails = object(inputDetails, "cached_tokens_details");
    return NormalizedUsage.builder()
        .inputTokens(count(usage, inputField))
        .cacheReadTokens(cacheRead(usage, inputDetails))
        // Not sent by OpenAI itself (its cache writes are free); OpenRouter reports them here.
        .cacheWriteTokens(count(inputDetails, "cache_write_tokens"))
        .audioInputTokens(count(inputDetails, "audio_tokens"))
        .cacheAudioReadTokens(count(cachedDetails, "audio_tokens"))
        .outputTokens(count(usage, outputField))
        .reasoningTokens(count(outputDetails, "reasoning_tokens"))
        .audioOutputTokens(count(outputDetails, "audio_tokens"));
  }

  /**
   * OpenAI's {@code cached_tokens}; OpenAI-compatible servers that lack it may report DeepSeek's
   * {@code prompt_cache_hit_tokens} (api-docs.deepseek.com: prompt_tokens = hit + miss).
   */
  private static long cacheRead(JsonNode usage, JsonNode inputDetails) {
    if (ProviderJson.present(inputDetails, "cached_tokens")) {
      return count(inputDetails, "cached_tokens");
    }
    return count(usage, "prompt_cache_hit_tokens");
  }

  private static JsonNode firstObject(JsonNode parent, String field, String fallback) {
    JsonNode node = object(parent, field);
    return node != null ? node : object(parent, fallback);
  }
}
