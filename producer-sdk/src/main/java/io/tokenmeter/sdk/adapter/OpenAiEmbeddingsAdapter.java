package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.count;
import static io.tokenmeter.sdk.adapter.ProviderJson.object;
import static io.tokenmeter.sdk.adapter.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI (and Azure OpenAI) Embeddings usage: only {@code prompt_tokens}; an embedding has no
 * output tokens, so a missing output count is not a sign of an incomplete response here. The body
 * has no response id. Shape: platform.openai.com/docs/api-reference/embeddings/object.
 */
final class OpenAiEmbeddingsAdapter implements UsageAdapter {
  private final String provider;

  OpenAiEmbeddingsAdapter(String provider) {
    this.provider = provider;
  }

  @Override
  public ExtractedUsage extract(JsonNode response) {
    JsonNode usage = object(response, "usage");
    boolean complete = ProviderJson.present(usage, "prompt_tokens");
    NormalizedUsage counts =
        NormalizedUsage.builder().inputTokens(count(usage, "prompt_tokens")).build();
    return new ExtractedUsage(
        provider, text(response, "model"), text(response, "id"), null, counts, complete, null);
  }
}
