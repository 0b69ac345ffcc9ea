package io.tokenmeter.sdk.adapter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One result line of a provider's batch API: the ordinary response sits inside a wrapper, and the
 * call was billed at the batch tier even when the inner body does not say so. A failed or expired
 * request has no inner body and yields an incomplete extraction.
 *
 * <p>OpenAI Batch output line: {@code response.body} (platform.openai.com/docs/guides/batch);
 * Anthropic Message Batches result: {@code result.message}
 * (docs.anthropic.com/en/docs/build-with-claude/batch-processing).
 */
final class BatchResultAdapter implements UsageAdapter {
  /** The service tier recorded for batch calls, as the pricing catalog names it. */
  static final String BATCH_TIER = "batch";

  private final UsageAdapter inner;
  private final String[] pathToBody;

  BatchResultAdapter(UsageAdapter inner, String... pathToBody) {
    this.inner = inner;
    this.pathToBody = pathToBody.clone();
  }

  @Override
  public ExtractedUsage extract(JsonNode line) {
    JsonNode body = line;
    for (String field : pathToBody) {
      body = ProviderJson.object(body, field);
    }
    ExtractedUsage extracted = inner.extract(body == null ? ProviderJson.parse("{}") : body);
    return new ExtractedUsage(
        extracted.provider(),
        extracted.model(),
        extracted.requestId(),
        BATCH_TIER,
        extracted.usage(),
        extracted.complete(),
        extracted.providerReportedCostUsd());
  }
}
