package io.tokenmeter.cli.price;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads documents from the input and prices each: the whole input, or one per line. */
final class PricedLine {

  static final String INVALID_DOCUMENT = "INVALID_DOCUMENT";

  private final DocumentReader reader;
  private final Pricer pricer;
  private final Function<PricingRequest, Instant> pricingTime;

  PricedLine(DocumentReader reader, Pricer pricer, Function<PricingRequest, Instant> pricingTime) {
    this.reader = reader;
    this.pricer = pricer;
    this.pricingTime = pricingTime;
  }

  /** Prices the whole input as one document. */
  PriceOutcome whole(BufferedReader in) throws IOException {
    String document = in.lines().collect(Collectors.joining("\n"));
    if (document.isBlank()) {
      return new PriceOutcome.Failed(INVALID_DOCUMENT, "stdin is empty; pipe one JSON document");
    }
    return price(document);
  }

  /**
   * Prices every non-blank line and hands each outcome on in input order; a line that cannot be
   * priced gives a Failed outcome and the next line is still read.
   */
  void eachLine(BufferedReader in, Consumer<PriceOutcome> results) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (!line.isBlank()) {
        results.accept(price(line));
      }
    }
  }

  private PriceOutcome price(String document) {
    try {
      PricingRequest request = reader.read(document);
      return pricer.price(request, pricingTime.apply(request));
    } catch (BadDocumentException e) {
      return new PriceOutcome.Failed(INVALID_DOCUMENT, e.getMessage());
    }
  }
}
