package io.tokenmeter.devregistry;

/** A version path segment: a number in [1, 2^31-1], or "latest" (also written -1). */
record VersionId(int number) {
  private static final int LATEST_NUMBER = -1;

  static final VersionId LATEST = new VersionId(LATEST_NUMBER);

  boolean isLatest() {
    return number == LATEST_NUMBER;
  }

  /** Parses a path segment; anything else is a 422/42202, as in Confluent. */
  static VersionId parse(String text) {
    if ("latest".equals(text)) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(text);
      if (number == LATEST_NUMBER) {
        return LATEST;
      }
      if (number >= 1) {
        return new VersionId(number);
      }
    } catch (NumberFormatException e) {
      // Falls through to the Confluent error below, which names the allowed values.
    }
    throw Errors.invalidVersion(text);
  }

  @Override
  public String toString() {
    return isLatest() ? "latest" : Integer.toString(number);
  }
}
