package io.tokenmeter.cli.prices;

import io.tokenmeter.pricing.importer.ImportResult;
import io.tokenmeter.pricing.importer.ImportWarning;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.schema.v1.ModelPrice;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import will publish: the versions that pass the contract's checks, and the rest with the
 * reason. Checking here keeps a version the processor would reject off the topic.
 *
 * @param publishable versions to publish, in file order
 * @param rejected versions that break the contract, as "version id: reason"
 * @param warnings the importer's warnings (entries it skipped or changed)
 */
record ImportPlan(
    List<ModelPrice> publishable, List<ImportWarning> rejected, List<ImportWarning> warnings) {

  ImportPlan {
    publishable = List.copyOf(publishable);
    rejected = List.copyOf(rejected);
    warnings = List.copyOf(warnings);
  }

  static ImportPlan of(ImportResult result) {
    List<ModelPrice> publishable = new ArrayList<>();
    List<ImportWarning> rejected = new ArrayList<>();
    for (ModelPrice price : result.prices()) {
      try {
        AvroPrices.fromAvro(price);
        publishable.add(price);
      } catch (IllegalArgumentException | NullPointerException e) {
        rejected.add(new ImportWarning(price.getPriceVersionId(), e.getMessage()));
      }
    }
    return new ImportPlan(publishable, rejected, result.warnings());
  }
}
