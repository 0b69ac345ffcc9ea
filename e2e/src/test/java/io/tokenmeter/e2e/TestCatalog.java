package io.tokenmeter.e2e;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.importer.ImportResult;
import io.tokenmeter.pricing.importer.TokenmeterCatalogImporter;
import io.tokenmeter.schema.v1.ModelPrice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's price catalog, read with the pricing module's importer from test resources: the
 * versions published before the run, and the one published only after events of its model were
 * parked as unpriced.
 */
final class TestCatalog {

  /** The model that has no price when its event is processed first. */
  static final String LATE_MODEL = "e2e-late-model";

  private final List<ModelPrice> initial;
  private final List<ModelPrice> late;

  TestCatalog(String tenantWithOwnPrice) {
    this.initial = read("/e2e-catalog.json", tenantWithOwnPrice);
    this.late = read("/e2e-late-price.json", tenantWithOwnPrice);
  }

  List<ModelPrice> initial() {
    return initial;
  }

  List<ModelPrice> late() {
    return late;
  }

  /** Every version, as the processor holds them once the late price arrived: the oracle. */
  PriceCatalog complete() {
    List<ModelPrice> all = new ArrayList<>(initial);
    all.addAll(late);
    return PriceCatalog.of(all);
  }

  private static List<ModelPrice> read(String resource, String tenant) {
    try (InputStream in = TestCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("TENANT", tenant);
      ImportResult result =
          new TokenmeterCatalogImporter()
              .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
      if (!result.warnings().isEmpty()) {
        throw new IllegalStateException("test catalog has warnings: " + result.warnings());
      }
      return result.prices();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
