package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.object;
import static io.tokenmeter.sdk.adapter.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * OpenAI Responses API usage (also Azure OpenAI and OpenRouter's Responses endpoint). Built-in
 * tools are billed per call, so the {@code output} items of type {@code web_search_call}, {@code
 * file_search_call} and {@code image_generation_call} become other units.
 *
 * <p>Shape: platform.openai.com/docs/api-reference/responses/object ({@code usage.input_tokens},
 * {@code input_tokens_details.cached_tokens}, {@code output_tokens_details.reasoning_tokens}).
 */
final class OpenAiResponsesAdapter implements UsageAdapter {
  /** Output item type to the other-unit name it is billed under. */
  private static final Map<String, String> BILLED_TOOL_CALLS =
      Map.of(
          "web_search_call", NormalizedUsage.WEB_SEARCH_CALLS,
          "file_search_call", "file_search_calls",
          "image_generation_call", "images");

  private final String provider;
  private final boolean readsReportedCost;

  OpenAiResponsesAdapter(String provider, boolean readsReportedCost) {
    this.provider = provider;
    this.readsReportedCost = readsReportedCost;
  }

  @Override
  public ExtractedUsage extract(JsonNode response) {
    JsonNode usage = object(response, "usage");
    OpenAiUsageReader reader = OpenAiUsageReader.RESPONSES;
    boolean complete = usage != null && reader.hasInputTotal(usage) && reader.hasOutputTotal(usage);
    NormalizedUsage counts = NormalizedUsage.NONE;
    if (usage != null) {
      NormalizedUsage.Builder builder = reader.read(usage);
      countToolCalls(response.get("output"), builder);
      counts = builder.build();
    }
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

  private static void countToolCalls(JsonNode output, NormalizedUsage.Builder builder) {
    if (output == null || !output.isArray()) {
      return;
    }
    for (Map.Entry<String, String> billed : BILLED_TOOL_CALLS.entrySet()) {
      long calls = 0;
      for (JsonNode item : output) {
        if (billed.getKey().equals(text(item, "type"))) {
          calls++;
        }
      }
      builder.otherUnit(billed.getValue(), calls);
    }
  }
}
