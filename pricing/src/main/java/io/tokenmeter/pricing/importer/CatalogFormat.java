package io.tokenmeter.pricing.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The catalog formats tokenmeter reads, by the name the CLI's {@code --format} uses. */
public enum CatalogFormat {
  LITELLM("litellm"),
  GENAI_PRICES("genai-prices"),
  TOKENMETER("tokenmeter");

  private final String cliName;

  CatalogFormat(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** A new importer for this format. */
  public CatalogImporter importer() {
    switch (this) {
      case LITELLM:
        return new LiteLlmImporter();
      case GENAI_PRICES:
        return new GenaiPricesImporter();
      default:
        return new TokenmeterCatalogImporter();
    }
  }

  /** The format named {@code name} (litellm, genai-prices, tokenmeter; case-insensitive). */
  public static CatalogFormat fromName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.cliName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown catalog format '"
                        + name
                        + "'; use one of "
                        + Arrays.stream(values())
                            .map(CatalogFormat::cliName)
                            .collect(Collectors.joining(", "))));
  }
}
