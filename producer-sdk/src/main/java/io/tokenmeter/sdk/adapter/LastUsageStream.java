package io.tokenmeter.sdk.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * For providers whose stream carries the whole usage in one event (OpenAI's last chunk with {@code
 * include_usage}, the Responses API's {@code response.completed}, Bedrock's {@code metadata}) or
 * repeats a cumulative usage on every chunk (Gemini): the last event with usage wins. Usage only
 * counts as complete when the event carrying it is also the stream's final one.
 */
final class LastUsageStream implements StreamUsage {
  private final String provider;
  private final UsageAdapter adapter;
  private final UnaryOperator<JsonNode> unwrap;
  private final Predicate<JsonNode> isFinal;
  private ExtractedUsage identityOnly;
  private ExtractedUsage lastWithUsage;
  private boolean lastWasFinal;

  /**
   * @param unwrap the part of an event the adapter reads (e.g. the Responses event's {@code
   *     response}), or null to skip the event
   * @param isFinal whether the unwrapped event is the stream's last word on usage
   */
  LastUsageStream(
      String provider,
      UsageAdapter adapter,
      UnaryOperator<JsonNode> unwrap,
      Predicate<JsonNode> isFinal) {
    this.provider = provider;
    this.adapter = adapter;
    this.unwrap = unwrap;
    this.isFinal = isFinal;
  }

  @Override
  public void accept(JsonNode event) {
    JsonNode body = unwrap.apply(event);
    if (body == null) {
      return;
    }
    ExtractedUsage extracted = adapter.extract(body);
    if (extracted.complete()) {
      lastWithUsage = extracted;
      lastWasFinal = isFinal.test(body);
    } else if (identityOnly == null) {
      identityOnly = extracted;
    }
  }

  @Override
  public ExtractedUsage result() {
    if (lastWithUsage != null) {
      ExtractedUsage last = withIdentity(lastWithUsage);
      return lastWasFinal ? last : markIncomplete(last);
    }
    if (identityOnly != null) {
      return identityOnly;
    }
    return new ExtractedUsage(provider, null, null, null, NormalizedUsage.NONE, false, null);
  }

  /**
   * Chunks of one stream share model and id; take them from earlier chunks if the last lacks them.
   */
  private ExtractedUsage withIdentity(ExtractedUsage last) {
    if (identityOnly == null) {
      return last;
    }
    return new ExtractedUsage(
        last.provider(),
        last.model() != null ? last.model() : identityOnly.model(),
        last.requestId() != null ? last.requestId() : identityOnly.requestId(),
        last.serviceTier() != null ? last.serviceTier() : identityOnly.serviceTier(),
        last.usage(),
        last.complete(),
        last.providerReportedCostUsd());
  }

  private static ExtractedUsage markIncomplete(ExtractedUsage usage) {
    return new ExtractedUsage(
        usage.provider(),
        usage.model(),
        usage.requestId(),
        usage.serviceTier(),
        usage.usage(),
        false,
        usage.providerReportedCostUsd());
  }
}
