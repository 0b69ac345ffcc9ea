package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.object;
import static io.tokenmeter.sdk.adapter.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * OpenAI Chat Completions usage, also as served by Azure OpenAI and OpenRouter (same shape). Works
 * on a complete response and on the last chunk of a stream requested with {@code
 * stream_options.include_usage}. OpenRouter adds {@code usage.cost}, its charge in USD credits.
 *
 * <p>Shape: platform.openai.com/docs/api-reference/chat/object ({@code usage}, {@code
 * prompt_tokens_details}, {@code completion_tokens_details});
 * openrouter.ai/docs/use-cases/usage-accounting.
 */
final class OpenAiChatAdapter implements UsageAdapter {
  private final String provider;
  private final boolean readsReportedCost;

  OpenAiChatAdapter(String provider, boolean readsReportedCost) {
    this.provider = provider;
    this.readsReportedCost = readsReportedCost;
  }

  @Override
  public ExtractedUsage extract(JsonNode response) {
    JsonNode usage = object(response, "usage");
    OpenAiUsageReader reader = OpenAiUsageReader.CHAT;
    boolean complete = usage != null && reader.hasInputTotal(usage) && reader.hasOutputTotal(usage);
    NormalizedUsage counts = usage == null ? NormalizedUsage.NONE : reader.read(usage).build();
    BigDecimal cost = readsReportedCost ? ProviderJson.usd(usage, "cost") : null;
    return new ExtractedUsage(
        provider,
        text(response, "model"),
        text(response, "id"),
        text(response, "service_tier"),
        counts,
        complete,
        cost);
  }
}
