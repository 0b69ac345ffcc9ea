package io.tokenmeter.pricing.importer;

import io.tokenmeter.schema.v1.ModelPrice;
import java.util.List;

/**
 * What an importer read: the price versions (ready for the prices topic or a PriceCatalog) and a
 * warning per entry it skipped or had to change (rounded rates, ignored time-of-day prices...).
 */
public record ImportResult(List<ModelPrice> prices, List<ImportWarning> warnings) {

  public ImportResult {
    prices = List.copyOf(prices);
    warnings = List.copyOf(warnings);
  }
}
