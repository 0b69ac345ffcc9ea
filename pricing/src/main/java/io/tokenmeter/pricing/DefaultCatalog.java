package io.tokenmeter.pricing;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.importer.ImportResult;
import io.tokenmeter.pricing.importer.TokenmeterCatalogImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The catalog tokenmeter ships: {@value #RESOURCE}, in tokenmeter's own format, generated from
 * genai-prices and LiteLLM (both MIT; see the file's {@code about} lines and pricing/README.md) by
 * {@link io.tokenmeter.pricing.tool.GenerateDefaultCatalog}.
 */
public final class DefaultCatalog {

  /** Class-path location of the shipped catalog. */
  public static final String RESOURCE = "/io/tokenmeter/pricing/default-catalog.json";

  private DefaultCatalog() {}

  /**
   * Reads the shipped catalog's price versions (for publishing to the prices topic).
   *
   * @throws IllegalStateException when an entry does not load: the shipped file is broken
   */
  public static ImportResult load() {
    try (InputStream in = DefaultCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      ImportResult result = new TokenmeterCatalogImporter().read(in);
      if (!result.warnings().isEmpty()) {
        throw new IllegalStateException(
            RESOURCE + " has invalid entries; regenerate it: " + result.warnings().get(0));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A new catalog holding the shipped prices. */
  public static PriceCatalog catalog() {
    return PriceCatalog.of(load().prices());
  }
}
