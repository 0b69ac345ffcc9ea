package io.tokenmeter.pricing.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one catalog file format into price versions. Implementations are stateless. */
public interface CatalogImporter {

  /**
   * Reads a whole catalog document.
   *
   * @throws IOException when the stream cannot be read or is not JSON of the expected shape
   */
  ImportResult read(InputStream json) throws IOException;

  /** Reads a catalog file. */
  default ImportResult read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }
}
