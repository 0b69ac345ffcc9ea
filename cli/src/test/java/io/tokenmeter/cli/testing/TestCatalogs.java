package io.tokenmeter.cli.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Catalog files for tests. */
public final class TestCatalogs {

  private TestCatalogs() {}

  /**
   * small-catalog.json: 5 versions - a Claude price with a long-context tier, a tenant override,
   * two gpt-4o versions in time (the second with fees) and a batch-tier variant.
   */
  public static String smallCatalog() {
    try {
      return Path.of(TestCatalogs.class.getResource("/small-catalog.json").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
