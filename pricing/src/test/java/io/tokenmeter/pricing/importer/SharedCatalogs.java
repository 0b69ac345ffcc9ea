package io.tokenmeter.pricing.importer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real catalog copies kept outside the repository for tests (never copied into it). */
public final class SharedCatalogs {

  /**
   * The shared folder sits beside the repository ({@code ../shared}); the build passes its path as
   * {@code tokenmeter.shared.dir} so tests find it from any checkout location.
   */
  public static final Path DIRECTORY =
      Path.of(System.getProperty("tokenmeter.shared.dir", "../../shared"), "data", "pricing")
          .toAbsolutePath()
          .normalize();

  public static final Path GENAI_PRICES = DIRECTORY.resolve("genai-prices-data.json");
  public static final Path LITELLM = DIRECTORY.resolve("litellm-model-prices.json");

  private SharedCatalogs() {}

  /** Skips (not fails) a test on a machine without the shared copies, saying where they belong. */
  public static void assumePresent() {
    assumeTrue(
        Files.isRegularFile(GENAI_PRICES) && Files.isRegularFile(LITELLM),
        "catalog copies not found in " + DIRECTORY + "; tests on the real files are skipped");
  }
}
