package io.tokenmeter.sdk.adapter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Collects usage from the events of one streamed response, in order. A stream that ends before its
 * usage arrives yields an incomplete extraction (counts are then a lower bound), never a complete
 * zero. Not thread-safe: one instance per stream.
 */
public interface StreamUsage {

  /** Feeds the next event's JSON data (the SSE {@code data:} payload, or a parsed chunk). */
  void accept(JsonNode event);

  /** Feeds the next event's raw JSON text; the OpenAI {@code [DONE]} sentinel is ignored. */
  default void accept(String eventJson) {
    if (eventJson == null || eventJson.isBlank() || "[DONE]".equals(eventJson.strip())) {
      return;
    }
    accept(ProviderJson.parse(eventJson));
  }

  /** The usage seen so far; call after the stream ended. */
  ExtractedUsage result();
}
