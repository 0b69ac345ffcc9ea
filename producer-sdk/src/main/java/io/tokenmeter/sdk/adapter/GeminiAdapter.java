package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.count;
import static io.tokenmeter.sdk.adapter.ProviderJson.object;
import static io.tokenmeter.sdk.adapter.ProviderJson.present;
import static io.tokenmeter.sdk.adapter.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Google Gemini {@code usageMetadata} (Gemini API and Vertex AI). {@code promptTokenCount} already
 * includes {@code cachedContentTokenCount}; {@code toolUsePromptTokenCount} is counted apart but is
 * input; {@code candidatesTokenCount} EXCLUDES {@code thoughtsTokenCount}, so the contract's output
 * is candidates + thoughts. Gemini omits zero-valued fields, so an absent count means 0. Audio is
 * found in the per-modality detail lists.
 *
 * <p>Shape: ai.google.dev/api/generate-content#UsageMetadata; Vertex AI GenerateContentResponse. A
 * body that is a JSON array (a REST stream read whole) is read from its last element.
 */
final class GeminiAdapter implements UsageAdapter {
  private static final String AUDIO = "AUDIO";

  private final String provider;

  GeminiAdapter(String provider) {
    this.provider = provider;
  }

  @Override
  public ExtractedUsage extract(JsonNode response) {
    JsonNode body = response != null && response.isArray() ? lastElement(response) : response;
    JsonNode metadata = object(body, "usageMetadata");
    boolean complete =
        present(metadata, "promptTokenCount") || present(metadata, "totalTokenCount");
    NormalizedUsage counts = metadata == null ? NormalizedUsage.NONE : normalize(metadata);
    return new ExtractedUsage(
        provider,
        text(body, "modelVersion"),
        text(body, "responseId"),
        null,
        counts,
        complete,
        null);
  }

  private static NormalizedUsage normalize(JsonNode metadata) {
    long thoughts = count(metadata, "thoughtsTokenCount");
    return NormalizedUsage.builder()
        .inputTokens(
            count(metadata, "promptTokenCount") + count(metadata, "toolUsePromptTokenCount"))
        .cacheReadTokens(count(metadata, "cachedContentTokenCount"))
        .audioInputTokens(
            audio(metadata.get("promptTokensDetails"))
                + audio(metadata.get("toolUsePromptTokensDetails")))
        .cacheAudioReadTokens(audio(metadata.get("cacheTokensDetails")))
        .outputTokens(count(metadata, "candidatesTokenCount") + thoughts)
        .reasoningTokens(thoughts)
        .audioOutputTokens(audio(metadata.get("candidatesTokensDetails")))
        .build();
  }

  /**
   * Sum of {@code tokenCount} over the {@code ModalityTokenCount} entries whose modality is AUDIO.
   */
  private static long audio(JsonNode details) {
    long total = 0;
    if (details != null && details.isArray()) {
      for (JsonNode entry : details) {
        String modality = text(entry, "modality");
        if (modality != null && AUDIO.equals(modality.toUpperCase(Locale.ROOT))) {
          total += count(entry, "tokenCount");
        }
      }
    }
    return total;
  }

  private static JsonNode lastElement(JsonNode array) {
    return array.isEmpty() ? null : array.get(array.size() - 1);
  }
}
