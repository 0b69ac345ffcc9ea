package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.object;
import static io.tokenmeter.sdk.adapter.ProviderJson.present;
import static io.tokenmeter.sdk.adapter.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;

/** Entry point: one factory method per provider API and per streaming protocol. */
public final class UsageAdapters {

  private UsageAdapters() {}

  /** OpenAI Chat Completions. */
  public static UsageAdapter openAiChat() {
    return new OpenAiChatAdapter(Providers.OPENAI, false);
  }

  /** OpenAI Responses API. */
  public static UsageAdapter openAiResponses() {
    return new OpenAiResponsesAdapter(Providers.OPENAI, false);
  }

  /** OpenAI Embeddings. */
  public static UsageAdapter openAiEmbeddings() {
    return new OpenAiEmbeddingsAdapter(Providers.OPENAI);
  }

  /** Azure OpenAI Chat Completions (OpenAI's shape). */
  public static UsageAdapter azureOpenAiChat() {
    return new OpenAiChatAdapter(Providers.AZURE, false);
  }

  /** Azure OpenAI Responses API. */
  public static UsageAdapter azureOpenAiResponses() {
    return new OpenAiResponsesAdapter(Providers.AZURE, false);
  }

  /** Azure OpenAI Embeddings. */
  public static UsageAdapter azureOpenAiEmbeddings() {
    return new OpenAiEmbeddingsAdapter(Providers.AZURE);
  }

  /** OpenRouter chat completions, including its reported {@code usage.cost}. */
  public static UsageAdapter openRouter() {
    return new OpenAiChatAdapter(Providers.OPENROUTER, true);
  }

  /**
   * Any other server speaking OpenAI's Chat Completions shape (DeepSeek, Groq, Mistral, Together,
   * vLLM, ...), recorded under the given lower-case provider name.
   */
  public static UsageAdapter openAiCompatible(String provider) {
    return new OpenAiChatAdapter(provider, false);
  }

  /** Anthropic Messages API. */
  public static UsageAdapter anthropic() {
    return new AnthropicMessagesAdapter(Providers.ANTHROPIC);
  }

  /** One line of an OpenAI (or Azure) Batch output file; tier {@code batch}. */
  public static UsageAdapter openAiBatchLine(UsageAdapter bodyAdapter) {
    return new BatchResultAdapter(bodyAdapter, "response", "body");
  }

  /** One result of an Anthropic Message Batch; tier {@code batch}. */
  public static UsageAdapter anthropicBatchResult() {
    return new BatchResultAdapter(anthropic(), "result", "message");
  }

  /** Anthropic Messages body served by Bedrock InvokeModel. */
  public static UsageAdapter anthropicOnBedrock() {
    return new AnthropicMessagesAdapter(Providers.AWS_BEDROCK);
  }

  /** Anthropic Messages body served by Vertex AI. */
  public static UsageAdapter anthropicOnVertex() {
    return new AnthropicMessagesAdapter(Providers.GOOGLE_VERTEX);
  }

  /** Anthropic Messages body served by Azure (Microsoft Foundry). */
  public static UsageAdapter anthropicOnAzure() {
    return new AnthropicMessagesAdapter(Providers.AZURE);
  }

  /** Gemini API ({@code generativelanguage.googleapis.com}). */
  public static UsageAdapter gemini() {
    return new GeminiAdapter(Providers.GOOGLE);
  }

  /** Gemini on Vertex AI. */
  public static UsageAdapter vertexGemini() {
    return new GeminiAdapter(Providers.GOOGLE_VERTEX);
  }

  /** Bedrock Converse; add the requested model id with {@link ExtractedUsage#withModel}. */
  public static UsageAdapter bedrockConverse() {
    return new BedrockConverseAdapter();
  }

  /** Chat Completions stream (OpenAI, Azure, OpenRouter): usage from the last chunk. */
  public static StreamUsage openAiChatStream(String provider) {
    return new LastUsageStream(
        provider,
        new OpenAiChatAdapter(provider, Providers.OPENROUTER.equals(provider)),
        event -> event,
        chunk -> true);
  }

  /** Responses API stream: usage from {@code response.completed} / {@code response.incomplete}. */
  public static StreamUsage openAiResponsesStream(String provider) {
    return new LastUsageStream(
        provider,
        new OpenAiResponsesAdapter(provider, Providers.OPENROUTER.equals(provider)),
        event -> object(event, "response"),
        response -> present(response, "usage"));
  }

  /** Anthropic Messages stream, on any platform that serves it. */
  public static StreamUsage anthropicStream(String provider) {
    return new AnthropicMessageStream(provider);
  }

  /** Gemini stream: cumulative usage on each chunk, final once a candidate has a finishReason. */
  public static StreamUsage geminiStream(String provider) {
    return new LastUsageStream(
        provider, new GeminiAdapter(provider), event -> event, UsageAdapters::hasFinishReason);
  }

  /** Bedrock ConverseStream: usage from the {@code metadata} event. */
  public static StreamUsage bedrockConverseStream() {
    return new LastUsageStream(
        Providers.AWS_BEDROCK, new BedrockConverseAdapter(), event -> event, event -> true);
  }

  private static boolean hasFinishReason(JsonNode chunk) {
    JsonNode candidates = chunk.get("candidates");
    if (candidates == null || !candidates.isArray()) {
      return false;
    }
    for (JsonNode candidate : candidates) {
      if (text(candidate, "finishReason") != null) {
        return true;
      }
    }
    return false;
  }
}
