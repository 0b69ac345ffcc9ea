package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.count;
import static io.tokenmeter.sdk.adapter.ProviderJson.object;
import static io.tokenmeter.sdk.adapter.ProviderJson.optionalCount;
import static io.tokenmeter.sdk.adapter.ProviderJson.present;
import static io.tokenmeter.sdk.adapter.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * AWS Bedrock Converse / ConverseStream usage ({@code usage} of the response, or of the stream's
 * {@code metadata} event). The body names neither the model nor the request id (those travel in the
 * request and the {@code x-amzn-RequestId} header), so the caller adds the model with {@link
 * ExtractedUsage#withModel}.
 *
 * <p>Input: the Bedrock user guide's prompt-caching page
 * (docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html) states that with caching
 * {@code inputTokens} holds only the non-cached input, total input being {@code inputTokens +
 * cacheReadInputTokens + cacheWriteInputTokens}; the API reference (API_runtime_TokenUsage) lists
 * the cache fields beside it and {@code cacheDetails} with the 5m/1h split. Some model families
 * have been seen to report an inclusive {@code inputTokens} instead; {@code totalTokens ==
 * inputTokens + outputTokens} identifies that case, and then the cache is not added a second time.
 */
final class BedrockConverseAdapter implements UsageAdapter {

  @Override
  public ExtractedUsage extract(JsonNode response) {
    JsonNode carrier = object(response, "metadata") != null ? response.get("metadata") : response;
    JsonNode usage = object(carrier, "usage");
    boolean complete =
        usage != null && present(usage, "inputTokens") && present(usage, "outputTokens");
    NormalizedUsage counts = usage == null ? NormalizedUsage.NONE : normalize(usage);
    return new ExtractedUsage(Providers.AWS_BEDROCK, null, null, null, counts, complete, null);
  }

  private static NormalizedUsage normalize(JsonNode usage) {
    long input = count(usage, "inputTokens");
    long output = count(usage, "outputTokens");
    long cacheRead = countEither(usage, "cacheReadInputTokens", "cacheReadInputTokenCount");
    long cacheWrite = countEither(usage, "cacheWriteInputTokens", "cacheWriteInputTokenCount");
    Long total = optionalCount(usage, "totalTokens");
    long cached = cacheRead + cacheWrite;
    boolean inputAlreadyInclusive =
        cached > 0 && total != null && total == input + output && input >= cached;
    NormalizedUsage.Builder builder =
        NormalizedUsage.builder()
            .inputTokens(inputAlreadyInclusive ? input : input + cached)
            .cacheReadTokens(cacheRead)
            .cacheWriteTokens(cacheWrite)
            .outputTokens(output);
    readTtlSplit(usage.get("cacheDetails"), builder);
    return builder.build();
  }

  /** The documented name, else the {@code ...TokenCount} spelling of Bedrock's metrics headers. */
  private static long countEither(JsonNode usage, String documented, String alternative) {
    return present(usage, documented) ? count(usage, documented) : count(usage, alternative);
  }

  /** {@code cacheDetails}: [{"ttl": "5m" | "1h", "inputTokens": n}], present only on writes. */
  private static void readTtlSplit(JsonNode details, NormalizedUsage.Builder builder) {
    if (details == null || !details.isArray() || details.isEmpty()) {
      return;
    }
    long fiveMinute = 0;
    long oneHour = 0;
    for (JsonNode detail : details) {
      String ttl = text(detail, "ttl");
      if ("1h".equals(ttl)) {
        oneHour += count(detail, "inputTokens");
      } else if ("5m".equals(ttl)) {
        fiveMinute += count(detail, "inputTokens");
      }
    }
    builder.cacheWriteSplit(fiveMinute, oneHour);
  }
}
