package io.tokenmeter.cli.price;

import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.CliFailure;
import io.tokenmeter.cli.common.ConnectionSettings;
import io.tokenmeter.cli.prices.CatalogSource;
import io.tokenmeter.cli.prices.TopicCatalog;
import io.tokenmeter.pricing.DefaultCatalog;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.importer.CatalogFormat;
import io.tokenmeter.pricing.importer.ImportResult;

/**
 * Where {@code price} takes its prices from: {@code --catalog default} (the shipped catalog),
 * {@code --catalog FORMAT:PATH} (a file or URL read by an importer), or, without the option, the
 * prices topic as the processor sees it.
 */
final class CatalogChoice {

  static final String DEFAULT = "default";

  private CatalogChoice() {}

  /**
   * @throws IllegalArgumentException when {@code spec} is neither {@code default} nor FORMAT:PATH
   */
  static PriceCatalog load(
      String spec, CliContext context, ConnectionSettings settings, String topic) {
    if (spec == null) {
      PriceCatalog catalog = TopicCatalog.read(context.topics(settings), topic);
      if (catalog.size() == 0) {
        throw new CliFailure(
            "topic "
                + topic
                + " holds no prices; import some with 'tokenmeter prices import --default'"
                + " or price from a file with --catalog default");
      }
      return catalog;
    }
    if (DEFAULT.equals(spec.trim())) {
      return DefaultCatalog.catalog();
    }
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new IllegalArgumentException(
          "--catalog '"
              + spec
              + "' is not FORMAT:PATH; write e.g. genai-prices:data.json,"
              + " tokenmeter:my-prices.json or default");
    }
    CatalogFormat format = CatalogFormat.fromName(spec.substring(0, colon));
    ImportResult result = CatalogSource.read(spec.substring(colon + 1), format.importer());
    if (result.prices().isEmpty()) {
      throw new CliFailure(
          "catalog " + spec + " yields no price; check that the format matches the file");
    }
    return PriceCatalog.of(result.prices());
  }
}
