package io.tokenmeter.cli.price;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.UsageAdapter;
import io.tokenmeter.sdk.adapter.UsageExtractionException;

/** Turns one input document into a {@link PricingRequest}. */
@FunctionalInterface
interface DocumentReader {

  /**
   * @throws BadDocumentException when the document cannot be priced as it is
   */
  PricingRequest read(String document);

  /** Provider response bodies, read by the SDK adapter of {@code --provider/--api}. */
  static DocumentReader providerResponse(UsageAdapter adapter) {
    return document -> {
      try {
        ExtractedUsage extracted = adapter.extract(document);
        return new PricingRequest(
            extracted.provider(),
            extracted.model(),
            extracted.serviceTier(),
            null,
            null,
            extracted.usage().toTokenUsage(),
            extracted.complete());
      } catch (UsageExtractionException e) {
        throw new BadDocumentException(e.getMessage(), e);
      }
    };
  }

  /** UsageEvent-shaped JSON ({@code --usage}); decimals never pass through a double. */
  static DocumentReader usageEvent() {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    return document -> {
      try {
        return UsageEventJson.read(mapper.readTree(document));
      } catch (JsonProcessingException e) {
        throw new BadDocumentException(
            "not JSON: " + e.getOriginalMessage() + "; give one JSON document", e);
      }
    };
  }
}
