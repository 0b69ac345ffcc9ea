package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.count;
import static io.tokenmeter.sdk.adapter.ProviderJson.object;
import static io.tokenmeter.sdk.adapter.ProviderJson.optionalCount;
import static io.tokenmeter.sdk.adapter.ProviderJson.present;
import static io.tokenmeter.sdk.adapter.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Anthropic Messages usage, also the same body as served by Bedrock (InvokeModel), Vertex AI and
 * Azure. Anthropic's {@code input_tokens} EXCLUDES cache reads and cache writes, so the contract's
 * input is {@code input_tokens + cache_read_input_tokens + cache_creation_input_tokens}. Extended
 * thinking is already inside {@code output_tokens} and not reported apart, so reasoning stays 0.
 *
 * <p>Shape: docs.anthropic.com/en/api/messages ({@code
 * usage.cache_creation.ephemeral_5m_input_tokens}, {@code ephemeral_1h_input_tokens}, {@code
 * server_tool_use.web_search_requests}, {@code service_tier}).
 */
final class AnthropicMessagesAdapter implements UsageAdapter {
  private final String provider;

  AnthropicMessagesAdapter(String provider) {
    this.provider = provider;
  }

  @Override
  public ExtractedUsage extract(JsonNode response) {
    JsonNode usage = object(response, "usage");
    boolean complete =
        usage != null && present(usage, "input_tokens") && present(usage, "output_tokens");
    NormalizedUsage counts = usage == null ? NormalizedUsage.NONE : normalize(usage);
    return new ExtractedUsage(
        provider,
        text(response, "model"),
        text(response, "id"),
        text(usage, "service_tier"),
        counts,
        complete,
        null);
  }

  static NormalizedUsage normalize(JsonNode usage) {
    long uncached = count(usage, "input_tokens");
    long cacheRead = count(usage, "cache_read_input_tokens");
    JsonNode split = object(usage, "cache_creation");
    Long fiveMinute = optionalCount(split, "ephemeral_5m_input_tokens");
    Long oneHour = optionalCount(split, "ephemeral_1h_input_tokens");
    long cacheWrite =
        present(usage, "cache_creation_input_tokens")
            ? count(usage, "cache_creation_input_tokens")
            : nullToZero(fiveMinute) + nullToZero(oneHour);
    boolean splitKnown = fiveMinute != null || oneHour != null;
    JsonNode serverTools = object(usage, "server_tool_use");
    return NormalizedUsage.builder()
        .inputTokens(uncached + cacheRead + cacheWrite)
        .cacheReadTokens(cacheRead)
        .cacheWriteTokens(cacheWrite)
        .cacheWriteSplit(
            splitKnown ? nullToZero(fiveMinute) : null, splitKnown ? nullToZero(oneHour) : null)
        .outputTokens(count(usage, "output_tokens"))
        .otherUnit(NormalizedUsage.WEB_SEARCH_CALLS, count(serverTools, "web_search_requests"))
        .otherUnit("web_fetch_calls", count(serverTools, "web_fetch_requests"))
        .build();
  }

  private static long nullToZero(Long value) {
    return value == null ? 0L : value;
  }
}
