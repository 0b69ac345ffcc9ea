package io.tokenmeter.pricing.importer;

/** An entry of a catalog file that was skipped or changed on import, and why. */
public record ImportWarning(String entry, String reason) {

  @Override
  public String toString() {
    return entry + ": " + reason;
  }
}
