package io.tokenmeter.sdk.adapter;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the usage of one complete (non-streamed) provider response. Stateless and thread-safe. */
public interface UsageAdapter {

  /**
   * Extracts usage from a parsed response body.
   *
   * @throws UsageExtractionException when usage is present but malformed
   */
  ExtractedUsage extract(JsonNode response);

  /**
   * Extracts usage from the raw response body. Prefer this over a tree parsed elsewhere: it reads
   * decimals such as a reported cost exactly, never through a double.
   *
   * @throws UsageExtractionException when the text is not JSON or its usage is malformed
   */
  default ExtractedUsage extract(String responseJson) {
    return extract(ProviderJson.parse(responseJson));
  }
}
