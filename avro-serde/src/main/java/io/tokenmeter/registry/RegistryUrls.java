package io.tokenmeter.registry;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the comma-separated registry URL list, with messages that say how to fix it. */
final class RegistryUrls {
  private RegistryUrls() {}

  static List<URI> parse(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Missing "
              + key
              + ": set it to the registry base URL, e.g. http://localhost:8081 (comma-separate"
              + " several), or mock://<scope> for an in-process registry in tests");
    }
    List<URI> result = new ArrayList<>();
    for (String part : value.split(",")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(trimmed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + " entry '" + trimmed + "' is not a valid URL", e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http")
          && !scheme.equals("https")
          && !scheme.equals(RegistryClientConfig.MOCK_SCHEME)) {
        throw new IllegalArgumentException(
            key + " entry '" + trimmed + "' must start with http://, https:// or mock://");
      }
      result.add(uri);
    }
    boolean anyMock = result.stream().anyMatch(RegistryUrls::isMock);
    if (result.isEmpty() || (anyMock && result.size() > 1)) {
      throw new IllegalArgumentException(
          key + " '" + value + "': give one mock://<scope> URL, or one or more http(s) URLs");
    }
    return List.copyOf(result);
  }

  static boolean isMock(URI uri) {
    return RegistryClientConfig.MOCK_SCHEME.equalsIgnoreCase(uri.getScheme());
  }
}
